using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>综合绩效 and 用户满意度 of one year of the confirmation period, as the organisation reports them.</summary>
public sealed class YearFigures
{
    public int Year { get; set; }
    /// <summary>营业收入（万元）.</summary>
    public decimal? Revenue { get; set; }
    /// <summary>利润总额（万元）; may be negative.</summary>
    public decimal? Profit { get; set; }
    /// <summary>用户满意度测评结果（分，0–100）.</summary>
    public decimal? Satisfaction { get; set; }
    /// <summary>Who measured it and how (第三方测评机构、样本量).</summary>
    public string? SatisfactionNote { get; set; }
}

/// <summary>The leading group's result for one benchmark, as published.</summary>
public enum EntryResult
{
    /// <summary>确认有效</summary>
    Confirmed,
    /// <summary>不予确认（称号撤销）</summary>
    NotConfirmed,
}

/// <summary>
/// One benchmark in a confirmation round: the organisation's account of its three years (经营管理 changes, figures per
/// year, statement), the supervision case the leading group decides, and — once the round is published — the result.
/// </summary>
public sealed class ConfirmationEntry : Entity
{
    public const int TextLength = 4000;

    public Guid RoundId { get; private set; }
    public Guid AwardId { get; private set; }
    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public string CertificateNumber { get; private set; } = "";
    public int AwardYear { get; private set; }
    public string CategoryText { get; private set; } = "";
    /// <summary>The three complete calendar years before the round: <see cref="FirstYear"/> … <see cref="LastYear"/>.</summary>
    public int FirstYear { get; private set; }
    public int LastYear { get; private set; }
    /// <summary>经营管理方面的变化.</summary>
    public string? ManagementChanges { get; private set; }
    public List<YearFigures> Figures { get; private set; } = [];
    /// <summary>组织声明 (the organisation vouches that the account is true, 第二十九条).</summary>
    public string? Statement { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public EntryResult? Result { get; private set; }
    public DateOnly? ResultOn { get; private set; }
    public string? PublicReason { get; private set; }
    /// <summary>Why the office put the benchmark before the leading group without a confirmation group's opinion.</summary>
    public string? NoOpinionReason { get; private set; }
    public string? NoOpinionBy { get; private set; }

    private ConfirmationEntry() { }

    public ConfirmationEntry(ConfirmationRound round, Award award, Guid caseId, string caseNumber)
    {
        RoundId = round.Id;
        AwardId = award.Id;
        CaseId = caseId;
        CaseNumber = caseNumber;
        OrganizationId = award.OrganizationId;
        OrganizationName = award.OrganizationName;
        CertificateNumber = award.CertificateNumber;
        AwardYear = award.Year;
        CategoryText = award.CategoryText;
        LastYear = round.Year - 1;
        FirstYear = LastYear - 2;
        Figures = Enumerable.Range(FirstYear, 3).Select(y => new YearFigures { Year = y }).ToList();
        RecordAction($"{OrganizationName}（{CertificateNumber}）进入{round.Title}，案件 {caseNumber}");
    }

    public override (string Type, Guid Id) AuditSubject => ("ConfirmationRound", RoundId);

    public bool IsSubmitted => SubmittedAt is not null;

    public IEnumerable<int> Years => Enumerable.Range(FirstYear, LastYear - FirstYear + 1);

    /// <summary>Keeps a draft: anything may still be missing, nothing may be too long or out of range.</summary>
    public void SaveDraft(string? changes, IReadOnlyList<YearFigures> figures, string? statement)
    {
        if (IsSubmitted) throw new DomainRuleException("确认材料已提交，不能再修改。如需更正，请联系活动办公室。");
        var problems = new List<string>();
        Check(changes, figures, statement, problems, complete: false);
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        Keep(changes, figures, statement);
        RecordAction("保存确认材料草稿");
    }

    /// <summary>Submits the account to the office: every year's figures, the changes and the statement are required.</summary>
    public void Submit(string? changes, IReadOnlyList<YearFigures> figures, string? statement, string by, DateTimeOffset now)
    {
        if (IsSubmitted) throw new DomainRuleException("确认材料已提交，不能重复提交。");
        var problems = new List<string>();
        Check(changes, figures, statement, problems, complete: true);
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。请补充后再提交（已填写的内容不会丢失）。");
        Keep(changes, figures, statement);
        SubmittedAt = now;
        SubmittedBy = by;
        RecordAction($"{by} 提交获奖三年确认材料");
    }

    /// <summary>
    /// The office records why the leading group decides without the group's opinion (no group could be formed, every
    /// member withdrew): the stage gate then lets the case through, and the reason shows beside the vote.
    /// </summary>
    public void ProceedWithoutOpinion(string? reason, string by)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("请填写不经确认组意见直接提交领导小组审议的理由（如“无符合回避规则的评审员，无法组成确认组”）。");
        var text = reason.Trim();
        if (text.Length > 1000) throw new DomainRuleException("理由请控制在 1000 字以内。");
        NoOpinionReason = text;
        NoOpinionBy = by;
        RecordAction($"{by} 记录不经确认组意见审议的理由：{text}");
    }

    /// <summary>Copies the leading group's decision into the round's published result.</summary>
    public void RecordResult(EntryResult result, DateOnly on, string? publicReason)
    {
        Result = result;
        ResultOn = on;
        PublicReason = result == EntryResult.NotConfirmed ? publicReason : null;
    }

    private void Check(string? changes, IReadOnlyList<YearFigures> figures, string? statement, List<string> problems, bool complete)
    {
        if (complete && string.IsNullOrWhiteSpace(changes)) problems.Add("请填写获奖以来经营管理方面的变化");
        if (complete && string.IsNullOrWhiteSpace(statement)) problems.Add("请填写组织声明");
        if ((changes?.Trim().Length ?? 0) > TextLength) problems.Add($"经营管理变化请控制在 {TextLength} 字以内");
        if ((statement?.Trim().Length ?? 0) > 2000) problems.Add("组织声明请控制在 2000 字以内");
        foreach (var y in Years)
        {
            var f = figures.FirstOrDefault(x => x.Year == y);
            if (complete && (f?.Revenue is null || f.Profit is null)) problems.Add($"请填写 {y} 年的营业收入和利润总额");
            if (complete && f?.Satisfaction is null) problems.Add($"请填写 {y} 年的用户满意度测评结果");
            if (f?.Revenue < 0) problems.Add($"{y} 年的营业收入不能为负数");
            if (f?.Satisfaction is < 0 or > 100) problems.Add($"{y} 年的用户满意度测评结果应在 0 到 100 分之间");
            if ((f?.SatisfactionNote?.Trim().Length ?? 0) > 500) problems.Add($"{y} 年的测评说明请控制在 500 字以内");
        }
    }

    private void Keep(string? changes, IReadOnlyList<YearFigures> figures, string? statement)
    {
        ManagementChanges = string.IsNullOrWhiteSpace(changes) ? null : changes.Trim();
        Statement = string.IsNullOrWhiteSpace(statement) ? null : statement.Trim();
        Figures = Years.Select(y => figures.FirstOrDefault(x => x.Year == y) is { } f
            ? new YearFigures { Year = y, Revenue = f.Revenue, Profit = f.Profit, Satisfaction = f.Satisfaction,
                SatisfactionNote = string.IsNullOrWhiteSpace(f.SatisfactionNote) ? null : f.SatisfactionNote.Trim() }
            : new YearFigures { Year = y }).ToList();
    }

    public static string ResultDisplay(EntryResult r) => r == EntryResult.Confirmed ? "确认有效" : "不予确认（称号撤销）";
}
