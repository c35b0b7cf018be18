using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Discipline;

/// <summary>第二十九条: 视情节轻重，给予批评、警告，撤销申报及接受评审的资格.</summary>
public enum DisciplineKind
{
    /// <summary>批评</summary>
    Criticism,
    /// <summary>警告</summary>
    Warning,
    /// <summary>撤销申报及接受评审资格</summary>
    Withdrawal,
}

/// <summary>Where the matter came to light; the pages of each stage open a proposal pre-filled with it.</summary>
public enum SanctionSource
{
    /// <summary>资格审查</summary>
    Qualification,
    /// <summary>资料评审</summary>
    DocumentReview,
    /// <summary>现场评审（问题未能核实）</summary>
    OnSite,
    /// <summary>第三十条 双向反馈（守纪情况评价差）</summary>
    MutualFeedback,
    /// <summary>公示异议成立</summary>
    Objection,
    /// <summary>其他</summary>
    Other,
}

/// <summary>提请 (office) → 领导小组审议 → 已决定 / 不予处分.</summary>
public enum SanctionStatus
{
    /// <summary>待领导小组审议</summary>
    Proposed,
    /// <summary>已决定处分</summary>
    Decided,
    /// <summary>不予处分</summary>
    Rejected,
}

/// <summary>One leading-group member's vote on a proposal: for the proposed sanction or against it, with a reason.</summary>
public sealed class SanctionVote
{
    public string VoterUserId { get; set; } = "";
    public string VoterName { get; set; } = "";
    public bool Agree { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// 组织纪律处分 (第二十九条): the office proposes a sanction against an organisation in a cycle, with the reason, the source
/// and evidence files; the leading group decides by vote (第七条 研究解决评审活动中发生的重要问题; docs/decisions/0042).
/// A decided 撤销申报及接受评审资格 removes the application from the cycle (<see cref="QualificationWithdrawal"/>).
/// </summary>
public sealed class OrganizationSanction : Entity
{
    public const int TextLength = 4000;

    /// <summary>处分编号, e.g. “JL-2026-001”; unique.</summary>
    public string Number { get; private set; } = "";
    public Guid CycleId { get; private set; }
    public int Year { get; private set; }
    public Guid OrganizationId { get; private set; }
    /// <summary>Snapshots: the organisation's name and 统一社会信用代码 when the sanction was proposed.</summary>
    public string OrganizationName { get; private set; } = "";
    public string Uscc { get; private set; } = "";
    public Guid? ApplicationId { get; private set; }
    public string? ApplicationNumber { get; private set; }
    public DisciplineKind Kind { get; private set; }
    public SanctionSource Source { get; private set; }
    /// <summary>What in the source the proposal rests on (“现场评审问题“客户回访记录”未能核实”).</summary>
    public string SourceNote { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public SanctionStatus Status { get; private set; } = SanctionStatus.Proposed;
    public DateTimeOffset ProposedAt { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public List<SanctionVote> Votes { get; private set; } = [];
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionReason { get; private set; }
    public int VotesFor { get; private set; }
    public int VotesCast { get; private set; }

    private OrganizationSanction() { }

    public OrganizationSanction(string number, Guid cycleId, int year, Guid organizationId, string organizationName, string uscc,
        Guid? applicationId, string? applicationNumber, DisciplineKind kind, SanctionSource source, string? sourceNote, string? reason,
        string by, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("请选择处分种类：批评、警告或撤销申报及接受评审资格。");
        if (!Enum.IsDefined(source)) throw new DomainRuleException("请选择问题的来源（资格审查、资料评审、现场评审、双向反馈、公示异议或其他）。");
        if (kind == DisciplineKind.Withdrawal && applicationId is null)
            throw new DomainRuleException("撤销申报及接受评审资格须针对本年度的一项申报，请选择申报。");
        Number = number;
        CycleId = cycleId;
        Year = year;
        OrganizationId = organizationId;
        OrganizationName = organizationName;
        Uscc = uscc;
        ApplicationId = applicationId;
        ApplicationNumber = applicationNumber;
        Kind = kind;
        Source = source;
        SourceNote = Limit(sourceNote?.Trim() ?? "", 500, "问题来源说明");
        Reason = Required(reason, "请填写处分理由（违反了哪项纪律、事实和情节），以便领导小组审议。");
        ProposedAt = now;
        ProposedBy = by;
        RecordAction($"提请处分 {number}：{organizationName}，{KindDisplay(kind)}（{SourceDisplay(source)}）：{Short(Reason)}");
    }

    public override (string Type, Guid Id) AuditSubject => ("OrganizationSanction", Id);

    public bool IsOpen => Status == SanctionStatus.Proposed;

    /// <summary>A member's vote; a second vote by the same member replaces the first while the proposal is open.</summary>
    public void Vote(string userId, string name, bool agree, string? reason, DateTimeOffset now)
    {
        if (!IsOpen) throw new DomainRuleException($"该处分建议已{StatusDisplay(Status)}，不能再投票。");
        var r = Required(reason, "请填写投票理由。");
        Votes.RemoveAll(v => v.VoterUserId == userId);
        Votes.Add(new SanctionVote { VoterUserId = userId, VoterName = name, Agree = agree, Reason = r, At = now });
        RecordAction($"{name} 投票：{(agree ? "同意" : "不同意")}{KindDisplay(Kind)}（{Short(r)}）");
    }

    /// <summary>
    /// Records what the votes decided: the sanction when more than <paramref name="share"/> of the votes cast agree, 不予处分 when
    /// more than that share disagree; otherwise refused, naming the count.
    /// </summary>
    public void Decide(decimal share, int minimumVotes, string? reason, string by, DateTimeOffset now)
    {
        if (!IsOpen) throw new DomainRuleException($"该处分建议已{StatusDisplay(Status)}，不能重复决定。");
        var cast = Votes.Count;
        var agree = Votes.Count(v => v.Agree);
        if (cast < minimumVotes)
            throw new DomainRuleException($"目前只有 {cast} 位领导小组成员投票，至少需要 {minimumVotes} 票才能作出决定。");
        var s = Math.Clamp(share, 0.5m, 0.99m);
        SanctionStatus to = agree > s * cast ? SanctionStatus.Decided
            : cast - agree > s * cast ? SanctionStatus.Rejected
            : throw new DomainRuleException($"同意 {agree} 票、不同意 {cast - agree} 票，尚未形成过半数意见。请等待其余成员投票或由成员改投后再记录决定。");
        DecisionReason = Required(reason, "请填写决定理由。");
        Status = to;
        DecidedAt = now;
        DecidedBy = by;
        VotesCast = cast;
        VotesFor = agree;
        RecordAction($"领导小组决定：{(to == SanctionStatus.Decided ? KindDisplay(Kind) : "不予处分")}（同意 {agree}/{cast} 票）：{Short(DecisionReason)}");
    }

    private static string Required(string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException(message);
        return Limit(text.Trim(), TextLength, "内容");
    }

    private static string Limit(string t, int max, string what) => t.Length <= max ? t
        : throw new DomainRuleException($"{what}请控制在 {max} 字以内（当前 {t.Length} 字），较长的材料请作为附件上传。");

    private static string Short(string text) => text.Length > 80 ? text[..80] + "…" : text;

    public static string KindDisplay(DisciplineKind k) => k switch
    {
        DisciplineKind.Criticism => "批评",
        DisciplineKind.Warning => "警告",
        _ => "撤销申报及接受评审资格",
    };

    public static string SourceDisplay(SanctionSource s) => s switch
    {
        SanctionSource.Qualification => "资格审查",
        SanctionSource.DocumentReview => "资料评审",
        SanctionSource.OnSite => "现场评审",
        SanctionSource.MutualFeedback => "双向反馈",
        SanctionSource.Objection => "公示异议",
        _ => "其他",
    };

    public static string StatusDisplay(SanctionStatus s) => s switch
    {
        SanctionStatus.Proposed => "待领导小组审议",
        SanctionStatus.Decided => "已决定",
        _ => "不予处分",
    };
}
