using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>Where a seat in a confirmation group stands.</summary>
public enum SeatStatus
{
    /// <summary>建议: proposed by the engine or added by the office; the reviewer does not see it yet.</summary>
    Proposed,
    /// <summary>已通知: the office applied the group; the reviewer must sign the no-conflict declaration.</summary>
    Assigned,
    /// <summary>已声明: signed; the reviewer reads the submission and gives an opinion.</summary>
    Declared,
    /// <summary>已退出: removed by the office or by a declared conflict.</summary>
    Removed,
}

/// <summary>
/// One reviewer's seat in the confirmation group (确认组) of one benchmark (第二十四条). Proposed by the assignment engine
/// under the conflict rules, edited by the office, then applied: the reviewer is told, declares no conflict and gives an
/// opinion. The group's leader (组长) submits the group's consolidated opinion.
/// </summary>
public sealed class ConfirmationSeat : Entity
{
    public Guid RoundId { get; private set; }
    public Guid EntryId { get; private set; }
    public Guid ReviewerId { get; private set; }
    public string ReviewerName { get; private set; } = "";
    public string? ReviewerUserId { get; private set; }
    public bool IsLeader { get; private set; }
    public SeatStatus Status { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    /// <summary>Last China-local day for the opinion, set when the group is applied.</summary>
    public DateOnly? OpinionDueOn { get; private set; }
    public DateTimeOffset? DeclaredAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndedReason { get; private set; }

    private ConfirmationSeat() { }

    public ConfirmationSeat(ConfirmationEntry entry, Guid reviewerId, string reviewerName, string? reviewerUserId, bool leader, string how)
    {
        RoundId = entry.RoundId;
        EntryId = entry.Id;
        ReviewerId = reviewerId;
        ReviewerName = reviewerName;
        ReviewerUserId = reviewerUserId;
        IsLeader = leader;
        Status = SeatStatus.Proposed;
        RecordAction($"{how}：{reviewerName} 进入{entry.OrganizationName}的确认组{(leader ? "（组长）" : "")}");
    }

    public override (string Type, Guid Id) AuditSubject => ("ConfirmationRound", RoundId);

    public bool IsActive => Status != SeatStatus.Removed;

    public void MakeLeader(bool leader)
    {
        if (!IsActive) throw new DomainRuleException("该成员已退出确认组，不能担任组长。");
        if (IsLeader == leader) return;
        IsLeader = leader;
        RecordAction(leader ? $"指定 {ReviewerName} 为确认组组长" : $"{ReviewerName} 不再担任确认组组长");
    }

    /// <summary>The office applies the group: the reviewer is told and the opinion deadline is set.</summary>
    public void Assign(DateOnly dueOn, DateTimeOffset now)
    {
        if (Status != SeatStatus.Proposed) return;
        Status = SeatStatus.Assigned;
        AssignedAt = now;
        OpinionDueOn = dueOn;
        RecordAction($"通知 {ReviewerName} 参加确认组，意见截止 {dueOn:yyyy-MM-dd}");
    }

    /// <summary>签署无利益冲突声明和保密承诺.</summary>
    public void Declare(bool accepted, DateTimeOffset now)
    {
        if (Status == SeatStatus.Removed) throw new DomainRuleException("您已退出该确认组，无需再声明。");
        if (Status == SeatStatus.Declared) return;
        if (Status != SeatStatus.Assigned) throw new DomainRuleException("活动办公室尚未确定确认组组成，请等待通知。");
        if (!accepted) throw new DomainRuleException("请勾选“本人确认与该获奖组织不存在利益冲突，并遵守保密承诺”后再签署。");
        Status = SeatStatus.Declared;
        DeclaredAt = now;
        RecordAction($"{ReviewerName} 签署确认组无利益冲突声明和保密承诺");
    }

    public void End(string reason, DateTimeOffset now)
    {
        if (Status == SeatStatus.Removed) return;
        Status = SeatStatus.Removed;
        IsLeader = false;
        EndedAt = now;
        EndedReason = reason.Length > 1000 ? reason[..1000] : reason;
        RecordAction($"{ReviewerName} 退出确认组：{EndedReason}");
    }

    public static string StatusDisplay(SeatStatus s) => s switch
    {
        SeatStatus.Proposed => "建议（未通知）",
        SeatStatus.Assigned => "待签署声明",
        SeatStatus.Declared => "已签署声明",
        _ => "已退出",
    };
}
