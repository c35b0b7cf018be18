using System.Text.Json.Serialization;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Governance;

/// <summary>What the office asks the leading group to decide (第七条).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MatterKind>))]
public enum MatterKind
{
    /// <summary>年度活动规则和标杆数量</summary>
    CycleRules,
    /// <summary>专家组分配方案</summary>
    ExpertGroupPlan,
    /// <summary>授权活动办公室决定专家组分配方案</summary>
    ExpertGroupDelegation,
    /// <summary>按待核定分值开展资料评审</summary>
    PlaceholderScoring,
    /// <summary>评审委员会组成</summary>
    ReviewCommittee,
    /// <summary>审定委员会组成</summary>
    ApprovalCommittee,
}

[JsonConverter(typeof(JsonStringEnumConverter<MatterStatus>))]
public enum MatterStatus
{
    /// <summary>待决定</summary>
    Pending,
    /// <summary>已批准</summary>
    Approved,
    /// <summary>未批准</summary>
    Declined,
}

public static class MatterText
{
    public static string Display(this MatterKind k) => k switch
    {
        MatterKind.CycleRules => "年度活动规则和标杆数量",
        MatterKind.ExpertGroupPlan => "专家组分配方案",
        MatterKind.ExpertGroupDelegation => "授权活动办公室决定专家组分配方案",
        MatterKind.PlaceholderScoring => "按待核定分值开展资料评审",
        MatterKind.ReviewCommittee => "评审委员会组成",
        _ => "审定委员会组成",
    };

    public static string Display(this MatterStatus s) => s switch
    {
        MatterStatus.Pending => "待决定",
        MatterStatus.Approved => "已批准",
        _ => "未批准",
    };

    public static string Badge(this MatterStatus s) => s switch
    {
        MatterStatus.Pending => "badge-warn",
        MatterStatus.Approved => "badge-ok",
        _ => "",
    };
}

/// <summary>
/// 领导小组决定 — one matter the office put to the leading group (第七条) and, once decided, the decision: who recorded
/// it, when, the votes and the reason. Approving changes the subject (the cycle's rules, a plan, a committee) through
/// its own methods; this record is what anyone reads later to see who decided what and why.
/// </summary>
public sealed class LeadingGroupDecision : Entity
{
    public const int TextLength = 2000;

    public Guid CycleId { get; private set; }
    public MatterKind Kind { get; private set; }
    /// <summary>The plan proposed (ExpertGroupPlan only).</summary>
    public Guid? PlanId { get; private set; }
    /// <summary>What was proposed, in Chinese, as it stood when proposed.</summary>
    public string Proposal { get; private set; } = "";
    /// <summary>Fingerprint of the subject when proposed; a subject changed since cannot be approved from this proposal.</summary>
    public string SubjectFingerprint { get; private set; } = "";
    public string ProposedBy { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    public MatterStatus Status { get; private set; } = MatterStatus.Pending;
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Reason { get; private set; }
    public int VotesFor { get; private set; }
    public int VotesAgainst { get; private set; }
    public int VotesAbstain { get; private set; }

    private LeadingGroupDecision() { }

    public LeadingGroupDecision(Guid cycleId, MatterKind kind, Guid? planId, string proposal, string fingerprint, string by, DateTimeOffset now)
    {
        CycleId = cycleId;
        Kind = kind;
        PlanId = planId;
        Proposal = proposal.Length > TextLength ? proposal[..TextLength] : proposal;
        SubjectFingerprint = fingerprint;
        ProposedBy = by;
        ProposedAt = now;
        RecordAction($"提请领导小组决定：{kind.Display()}");
    }

    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    /// <summary>Records the leading group's decision. Approval needs more votes for than against; a refusal needs a reason.</summary>
    public void Decide(bool approve, int votesFor, int votesAgainst, int votesAbstain, string? reason, string by, DateTimeOffset now)
    {
        if (Status != MatterStatus.Pending)
            throw new DomainRuleException($"该事项已于{(DecidedAt is { } d ? Infrastructure.Time.ChinaTime.Format(d) : "")}作出决定（{Status.Display()}），不能再次决定。");
        Votes.Check(votesFor, votesAgainst, votesAbstain);
        if (approve && votesFor <= votesAgainst)
            throw new DomainRuleException($"赞成 {votesFor} 票未超过反对 {votesAgainst} 票，不能记为批准。请核对表决票数，或记为不批准并写明理由。");
        if (!approve && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("不批准时请写明理由，活动办公室将据此修改后重新提交。");
        if (reason?.Length > TextLength) throw new DomainRuleException($"理由不能超过{TextLength}个字。");
        Status = approve ? MatterStatus.Approved : MatterStatus.Declined;
        VotesFor = votesFor;
        VotesAgainst = votesAgainst;
        VotesAbstain = votesAbstain;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        DecidedBy = by;
        DecidedAt = now;
        RecordAction($"领导小组决定：{Kind.Display()}{Status.Display()}（赞成 {votesFor}、反对 {votesAgainst}、弃权 {votesAbstain}）");
    }
}

/// <summary>The votes of a leading-group meeting (赞成 / 反对 / 弃权).</summary>
public static class Votes
{
    public static void Check(int votesFor, int votesAgainst, int votesAbstain)
    {
        if (votesFor < 0 || votesAgainst < 0 || votesAbstain < 0)
            throw new DomainRuleException("表决票数不能为负数。");
        if (votesFor + votesAgainst + votesAbstain == 0)
            throw new DomainRuleException("请填写表决票数（赞成、反对、弃权）。");
        if (votesFor + votesAgainst + votesAbstain > 200)
            throw new DomainRuleException("表决票数合计不能超过 200 票，请核对。");
    }
}
