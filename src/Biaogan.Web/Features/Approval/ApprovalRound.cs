using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Approval;

/// <summary>评议中 → 已审定.</summary>
public enum ApprovalStatus
{
    Deliberating,
    Finalised,
}

/// <summary>A committee member's vote on one organisation; <see cref="Recused"/> declares a conflict (回避) and is not counted.</summary>
public enum ApprovalChoice
{
    Approve,
    NotApprove,
    Recused,
}

/// <summary>One organisation still on the list after the 公示, and the committee's decision on it.</summary>
public sealed class ApprovalItem
{
    public Guid ApplicationId { get; set; }
    public string OrganizationName { get; set; } = "";
    public AwardCategory Category { get; set; }
    public string? ServiceName { get; set; }
    public int Order { get; set; }
    /// <summary>Recorded by the office from the committee's deliberation; null while undecided.</summary>
    public bool? Approved { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class ApprovalVote
{
    public Guid ApplicationId { get; set; }
    public string MemberId { get; set; } = "";
    public string MemberName { get; set; } = "";
    public ApprovalChoice Choice { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// 审定 (第二十二条): the approval committee hears the work report and decides each organisation remaining on the
/// recommended list after the 公示. The office records the decisions and finalises; finalising issues the awards.
/// </summary>
public sealed class ApprovalRound : Entity
{
    public Guid CycleId { get; private set; }
    public Guid NoticeId { get; private set; }
    public ApprovalStatus Status { get; private set; } = ApprovalStatus.Deliberating;
    public List<ApprovalItem> Items { get; private set; } = [];
    public List<ApprovalVote> Votes { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FinalisedAt { get; private set; }
    public string? FinalisedBy { get; private set; }

    private ApprovalRound() { }

    public ApprovalRound(Guid cycleId, Guid noticeId, IEnumerable<ApprovalItem> items, DateTimeOffset now)
    {
        CycleId = cycleId;
        NoticeId = noticeId;
        Items = items.OrderBy(i => i.Order).ToList();
        CreatedAt = now;
        RecordAction($"公示结束，提交审定委员会审定（{Items.Count} 个组织）");
    }

    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    public bool IsFinal => Status == ApprovalStatus.Finalised;

    public ApprovalItem Item(Guid applicationId) => Items.FirstOrDefault(i => i.ApplicationId == applicationId)
        ?? throw new DomainRuleException("该组织不在审定名单上。");

    /// <summary>A member votes (or declares a conflict and stands aside); a later vote replaces the member's earlier one.</summary>
    public void CastVote(string memberId, string memberName, Guid applicationId, ApprovalChoice choice, string reason, DateTimeOffset now)
    {
        EnsureOpen();
        var item = Item(applicationId);
        if (choice == ApprovalChoice.NotApprove && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException($"对“{item.OrganizationName}”投不同意票时，请填写理由。");
        if (choice == ApprovalChoice.Recused && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("声明回避时，请说明与该组织的利益关系。");
        Votes.RemoveAll(v => v.ApplicationId == applicationId && v.MemberId == memberId);
        Votes.Add(new ApprovalVote { ApplicationId = applicationId, MemberId = memberId, MemberName = memberName, Choice = choice, Reason = (reason ?? "").Trim(), At = now });
        RecordAction(choice == ApprovalChoice.Recused ? $"审定委员声明回避“{item.OrganizationName}”" : $"审定委员对“{item.OrganizationName}”投票");
    }

    /// <summary>Counts of the votes that count (conflicted members excluded).</summary>
    public (int For, int Against, int Recused) Tally(Guid applicationId)
    {
        var v = Votes.Where(x => x.ApplicationId == applicationId).ToList();
        return (v.Count(x => x.Choice == ApprovalChoice.Approve), v.Count(x => x.Choice == ApprovalChoice.NotApprove), v.Count(x => x.Choice == ApprovalChoice.Recused));
    }

    /// <summary>The office records the committee's decision on one organisation.</summary>
    public void Decide(Guid applicationId, bool approved, string reason)
    {
        EnsureOpen();
        var item = Item(applicationId);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException($"请填写对“{item.OrganizationName}”审定结论的理由。");
        item.Approved = approved;
        item.Reason = reason.Trim();
        RecordAction($"记录审定结论：“{item.OrganizationName}”{(approved ? "审定通过" : "审定不通过")}");
    }

    /// <summary>Finalises; returns the approved applications in list order (for the award issuer).</summary>
    public IReadOnlyList<Guid> Finalise(string userId, DateTimeOffset now)
    {
        EnsureOpen();
        var open = Items.Where(i => i.Approved is null).Select(i => i.OrganizationName).ToList();
        if (open.Count > 0) throw new DomainRuleException($"还有组织未记录审定结论：{string.Join("、", open)}。");
        Status = ApprovalStatus.Finalised;
        FinalisedAt = now;
        FinalisedBy = userId;
        var approved = Items.Where(i => i.Approved == true).OrderBy(i => i.Order).ToList();
        RecordAction($"审定完成：{approved.Count} 个组织获全国用户满意标杆");
        return approved.Select(i => i.ApplicationId).ToList();
    }

    /// <summary>
    /// 第二十九条: the organisation's qualification was withdrawn while the list is before the committee — its item and votes
    /// leave the round. After the approval is final an award exists and only a supervision case can revoke it.
    /// </summary>
    public bool Exclude(Guid applicationId, string reason)
    {
        var item = Items.FirstOrDefault(i => i.ApplicationId == applicationId);
        if (item is null) return false;
        if (IsFinal)
        {
            if (item.Approved == true)
                throw new DomainRuleException($"审定已完成，“{item.OrganizationName}”已获得标杆称号。撤销称号须在“获奖后监督”中立案，由领导小组决定。");
            return false;
        }
        Items.Remove(item);
        Votes.RemoveAll(v => v.ApplicationId == applicationId);
        RecordAction($"撤出审定名单（资格已撤销）：“{item.OrganizationName}”，{reason}");
        return true;
    }

    /// <summary>Records why the round is withdrawn (the notice it was built on is to be corrected); the row is then removed.</summary>
    public void Withdraw(string reason)
    {
        if (IsFinal) throw new DomainRuleException("审定已完成，证书已颁发，不能撤回。");
        RecordAction($"撤回审定：{reason.Trim()}");
    }

    private void EnsureOpen()
    {
        if (IsFinal) throw new DomainRuleException("审定已完成，不能再修改。");
    }

    public static string ChoiceDisplay(ApprovalChoice c) => c switch
    {
        ApprovalChoice.Approve => "同意",
        ApprovalChoice.NotApprove => "不同意",
        _ => "回避",
    };
}
