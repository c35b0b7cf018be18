using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.DocumentReview.Shortlist;

/// <summary>Who put a committee member's conflict on record.</summary>
public enum CommitteeConflictSource
{
    /// <summary>委员本人申报</summary>
    MemberDeclared,
    /// <summary>活动办公室记录</summary>
    OfficeRecorded,
}

/// <summary>
/// 评审委员会委员的利益冲突 on one application: the member stands aside (回避) from that vote. Declared by the member or
/// recorded by the office; the office may withdraw a record made in error, with a reason (the row stays, for the audit).
/// </summary>
public sealed class CommitteeConflict : Entity
{
    public Guid CycleId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string MemberId { get; private set; } = "";
    public CommitteeConflictSource Source { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawReason { get; private set; }

    private CommitteeConflict() { }

    public CommitteeConflict(Guid cycleId, Guid applicationId, string memberId, CommitteeConflictSource source, string reason,
        string recordedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请说明利益冲突的情况（如任职、咨询或亲属关系）。");
        CycleId = cycleId;
        ApplicationId = applicationId;
        MemberId = memberId;
        Source = source;
        Reason = reason.Trim();
        RecordedBy = recordedBy;
        RecordedAt = now;
        RecordAction(source == CommitteeConflictSource.MemberDeclared ? "评审委员会委员申报利益冲突（回避）" : "活动办公室记录评审委员会委员利益冲突（回避）");
    }

    /// <summary>Filed under the cycle, not the application: the applicant's timeline must not show committee members.</summary>
    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    public bool Active => WithdrawnAt is null;

    public void Withdraw(string reason, DateTimeOffset now)
    {
        if (!Active) throw new DomainRuleException("该回避记录已撤销。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写撤销回避记录的原因。");
        WithdrawnAt = now;
        WithdrawReason = reason.Trim();
        RecordAction("撤销评审委员会委员的回避记录");
    }

    public static string SourceDisplay(CommitteeConflictSource s) => s == CommitteeConflictSource.MemberDeclared ? "委员本人申报" : "活动办公室记录";
}
