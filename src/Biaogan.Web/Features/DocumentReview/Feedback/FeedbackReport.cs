using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>Where a feedback report stands.</summary>
public enum FeedbackStatus
{
    /// <summary>草稿 — generated from the consensus; the office edits the text.</summary>
    Draft,
    /// <summary>已审定 — approved by the office; waiting to be released.</summary>
    Approved,
    /// <summary>已发放 — the applicant can read and download it.</summary>
    Released,
}

/// <summary>One criteria category of the report: the band reached and the group's 优势 and 改进机会, as editable text.</summary>
public sealed class FeedbackSection
{
    public string CategoryCode { get; set; } = "";
    public string CategoryName { get; set; } = "";
    public int Points { get; set; }
    /// <summary>Points-weighted consensus percentage of the category's items, rounded to the 5 % grid.</summary>
    public int Percent { get; set; }
    /// <summary>The scoring band reached (“50%–65%”), from <c>CriteriaDocument.BandFor</c>.</summary>
    public string Band { get; set; } = "";
    /// <summary>One point per line.</summary>
    public string Strengths { get; set; } = "";
    public string Opportunities { get; set; } = "";
}

/// <summary>
/// 资料评审反馈报告 (第十八条): for an application the committee did not select for on-site review, its strengths and
/// opportunities for improvement by criteria category and the scoring band reached, drawn from the agreed consensus.
/// The office edits and approves it, then releases it to the applicant, who downloads the PDF.
/// </summary>
public sealed class FeedbackReport : Entity
{
    public Guid CycleId { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>The consensus sheet it was drawn from.</summary>
    public Guid ConsensusSheetId { get; private set; }
    public FeedbackStatus Status { get; private set; } = FeedbackStatus.Draft;
    public string Summary { get; private set; } = "";
    public List<FeedbackSection> Sections { get; private set; } = [];
    public DateTimeOffset GeneratedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }

    private FeedbackReport() { }

    public FeedbackReport(Guid cycleId, Guid applicationId, Guid consensusSheetId, string summary, List<FeedbackSection> sections, DateTimeOffset now)
    {
        CycleId = cycleId;
        ApplicationId = applicationId;
        ConsensusSheetId = consensusSheetId;
        Summary = summary;
        Sections = sections;
        GeneratedAt = UpdatedAt = now;
        RecordAction("根据一致性评审结果生成资料评审反馈报告");
    }

    public override (string Type, Guid Id) AuditSubject => ("Application", ApplicationId);

    public bool IsReleased => Status == FeedbackStatus.Released;

    /// <summary>The office revises the text; the bands stay as the consensus gave them.</summary>
    public void Edit(string summary, IReadOnlyList<(string Code, string Strengths, string Opportunities)> sections, DateTimeOffset now)
    {
        if (Status != FeedbackStatus.Draft)
            throw new DomainRuleException("反馈报告已审定，不能再修改。如需修改，请先撤回审定。");
        if (string.IsNullOrWhiteSpace(summary)) throw new DomainRuleException("请填写总体评价。");
        Summary = summary.Trim();
        foreach (var (code, strengths, opportunities) in sections)
        {
            var s = Sections.FirstOrDefault(x => x.CategoryCode == code) ?? throw new DomainRuleException($"反馈报告中没有类目 {code}，请刷新页面。");
            s.Strengths = (strengths ?? "").Trim();
            s.Opportunities = (opportunities ?? "").Trim();
        }
        UpdatedAt = now;
        RecordAction("修改资料评审反馈报告");
    }

    public void Approve(string userId, DateTimeOffset now)
    {
        if (Status != FeedbackStatus.Draft) throw new DomainRuleException("反馈报告已审定，无需重复审定。");
        Status = FeedbackStatus.Approved;
        ApprovedAt = UpdatedAt = now;
        ApprovedBy = userId;
        RecordAction("审定资料评审反馈报告");
    }

    /// <summary>Back to draft for corrections (only before release).</summary>
    public void Withdraw(DateTimeOffset now)
    {
        if (Status != FeedbackStatus.Approved) throw new DomainRuleException(Status == FeedbackStatus.Released
            ? "反馈报告已发放给申报组织，不能撤回。" : "反馈报告尚未审定，无需撤回。");
        Status = FeedbackStatus.Draft;
        ApprovedAt = null;
        ApprovedBy = null;
        UpdatedAt = now;
        RecordAction("撤回资料评审反馈报告的审定");
    }

    public void Release(DateTimeOffset now)
    {
        if (Status != FeedbackStatus.Approved)
            throw new DomainRuleException(Status == FeedbackStatus.Released ? "反馈报告已发放。" : "反馈报告须先审定才能发放给申报组织。");
        Status = FeedbackStatus.Released;
        ReleasedAt = UpdatedAt = now;
        RecordAction("向申报组织发放资料评审反馈报告");
    }

    public static string StatusDisplay(FeedbackStatus s) => s switch
    {
        FeedbackStatus.Draft => "草稿",
        FeedbackStatus.Approved => "已审定",
        _ => "已发放",
    };

    public static string StatusBadge(FeedbackStatus s) => s switch
    {
        FeedbackStatus.Draft => "badge-warn",
        FeedbackStatus.Approved => "badge-info",
        _ => "badge-ok",
    };
}
