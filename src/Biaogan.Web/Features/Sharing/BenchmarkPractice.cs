using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Sharing;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PracticeStatus>))]
public enum PracticeStatus
{
    /// <summary>草稿</summary>
    Draft,
    /// <summary>待审核</summary>
    Submitted,
    /// <summary>已发布</summary>
    Published,
    /// <summary>退回修改</summary>
    Returned,
    /// <summary>已撤下 — by the office (e.g. the award was revoked); the organisation may revise and submit again.</summary>
    Withdrawn,
}

/// <summary>
/// 经验案例 (第二十五、三十一条): what a benchmark chooses to publish of its practice — a title, a summary and files (owner
/// “BenchmarkPractice”). The organisation drafts and submits; the office approves (it then shows on /Public/Practices) or
/// returns it with a reason. A revoked award's practices never show publicly (the public query leaves them out) and the
/// organisation can no longer change them.
/// </summary>
public sealed class BenchmarkPractice : Entity
{
    public const string FileOwner = "BenchmarkPractice";
    public const int TitleLength = 200, SummaryLength = 8000, ReasonLength = 1000;

    public Guid AwardId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public int AwardYear { get; private set; }
    public AwardCategory Category { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public PracticeStatus Status { get; private set; }
    public string? ReturnReason { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public string? ReviewedBy { get; private set; }

    private BenchmarkPractice() { }

    public BenchmarkPractice(Award award, string? title, string? summary, string by, DateTimeOffset now)
    {
        EnsureValid(award);
        AwardId = award.Id;
        OrganizationId = award.OrganizationId;
        OrganizationName = award.OrganizationName;
        AwardYear = award.Year;
        Category = award.Category;
        Status = PracticeStatus.Draft;
        SetText(title, summary);
        UpdatedAt = now;
        UpdatedBy = by;
        RecordAction($"起草经验案例“{Title}”");
    }

    public bool Editable => Status is PracticeStatus.Draft or PracticeStatus.Returned or PracticeStatus.Withdrawn;

    /// <summary>The organisation revises its text (draft, returned or withdrawn only: a submitted one waits for the office).</summary>
    public void Edit(Award award, string? title, string? summary, string by, DateTimeOffset now)
    {
        EnsureValid(award);
        if (!Editable)
            throw new DomainRuleException(Status == PracticeStatus.Submitted
                ? "该经验案例正在审核，审核完成前不能修改。"
                : "该经验案例已发布，不能再修改；如需更正，请联系活动办公室撤下后再修改。");
        SetText(title, summary);
        UpdatedAt = now;
        UpdatedBy = by;
        RecordAction($"修改经验案例“{Title}”");
    }

    public void Submit(Award award, string by, DateTimeOffset now)
    {
        EnsureValid(award);
        if (!Editable) throw new DomainRuleException("该经验案例已提交或已发布，不需要再次提交。");
        Status = PracticeStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        UpdatedBy = by;
        RecordAction($"提交经验案例“{Title}”待活动办公室审核");
    }

    public void Approve(Award award, DateOnly today, string by)
    {
        if (Status != PracticeStatus.Submitted) throw new DomainRuleException("只有待审核的经验案例可以发布。");
        if (award.Status == AwardStatus.Revoked) throw new DomainRuleException("该标杆称号已撤销，其经验案例不能发布。");
        Status = PracticeStatus.Published;
        PublishedOn = today;
        ReturnReason = null;
        ReviewedBy = by;
        RecordAction($"审核通过并发布经验案例“{Title}”");
    }

    public void Return(string? reason, string by)
    {
        if (Status != PracticeStatus.Submitted) throw new DomainRuleException("只有待审核的经验案例可以退回。");
        ReturnReason = SharingEvent.Required(reason, "退回理由", ReasonLength, "请填写退回理由，告诉获奖组织需要修改什么。");
        Status = PracticeStatus.Returned;
        ReviewedBy = by;
        RecordAction($"退回经验案例“{Title}”：{ReturnReason}");
    }

    /// <summary>The office takes a published case off the public page (an error found later, a revoked award).</summary>
    public void Withdraw(string? reason, string by)
    {
        if (Status != PracticeStatus.Published) throw new DomainRuleException("只有已发布的经验案例可以撤下。");
        ReturnReason = SharingEvent.Required(reason, "撤下原因", ReasonLength, "请填写撤下原因，获奖组织会看到它。");
        Status = PracticeStatus.Withdrawn;
        PublishedOn = null;
        ReviewedBy = by;
        RecordAction($"从公开页面撤下经验案例“{Title}”：{ReturnReason}");
    }

    private void SetText(string? title, string? summary)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(title)) problems.Add("请填写案例标题");
        if (string.IsNullOrWhiteSpace(summary)) problems.Add("请填写案例正文（做法、成效和可推广的经验）");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        Title = SharingEvent.Required(title, "案例标题", TitleLength, "");
        Summary = SharingEvent.Required(summary, "案例正文", SummaryLength, "");
    }

    private static void EnsureValid(Award award)
    {
        if (award.Status == AwardStatus.Revoked)
            throw new DomainRuleException("该标杆称号已撤销，不能再编辑或提交经验案例。");
    }

    public static string StatusDisplay(PracticeStatus s) => s switch
    {
        PracticeStatus.Draft => "草稿",
        PracticeStatus.Submitted => "待审核",
        PracticeStatus.Published => "已发布",
        PracticeStatus.Returned => "退回修改",
        _ => "已撤下",
    };

    public static string StatusBadge(PracticeStatus s) => s switch
    {
        PracticeStatus.Published => "badge-ok",
        PracticeStatus.Submitted => "badge-info",
        PracticeStatus.Returned or PracticeStatus.Withdrawn => "badge-err",
        _ => "badge-warn",
    };

    public static string CategoryText(AwardCategory c) => Cycle.CategoryDisplay(c);
}
