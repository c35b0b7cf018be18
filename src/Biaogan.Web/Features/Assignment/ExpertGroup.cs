using System.Text.Json.Serialization;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Assignment;

/// <summary>Which review an expert group serves: 资料评审 (第十七条) or 现场评审 (第十九条).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewStage>))]
public enum ReviewStage
{
    /// <summary>资料评审</summary>
    Document,
    /// <summary>现场评审</summary>
    OnSite,
}

/// <summary>A member's part in the group.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GroupRole>))]
public enum GroupRole
{
    /// <summary>组员</summary>
    Member,
    /// <summary>组长</summary>
    Leader,
}

/// <summary>Where a seat in an expert group stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberStatus>))]
public enum MemberStatus
{
    /// <summary>已分配 — the reviewer has not yet declared; sees the applicant's name only.</summary>
    Assigned,
    /// <summary>已声明 — declared no conflict and accepted the confidentiality terms; may open the materials.</summary>
    Declared,
    /// <summary>已谢绝 — declined with a reason; the office fills the seat.</summary>
    Declined,
    /// <summary>已撤出 — removed by the office (a confirmed conflict, a re-plan, a sanction).</summary>
    Removed,
}

public static class ReviewStageText
{
    public static string Display(this ReviewStage s) => s == ReviewStage.Document ? "资料评审" : "现场评审";
    public static string Display(this GroupRole r) => r == GroupRole.Leader ? "组长" : "组员";
    public static string Display(this MemberStatus s) => s switch
    {
        MemberStatus.Assigned => "待声明",
        MemberStatus.Declared => "已声明",
        MemberStatus.Declined => "已谢绝",
        _ => "已撤出",
    };
}

/// <summary>
/// 评审专家组 — the reviewers of one application in one review stage, one of them 组长. Formed by applying an
/// assignment plan; members who decline or are removed keep their row (the history), new seats are added.
/// </summary>
public sealed class ExpertGroup : Entity
{
    public Guid CycleId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public ReviewStage Stage { get; private set; }
    public DateTimeOffset FormedAt { get; private set; }
    /// <summary>The plan whose application formed or last changed this group.</summary>
    public Guid? PlanId { get; private set; }
    public List<GroupMember> Members { get; private set; } = [];

    private ExpertGroup() { }

    public ExpertGroup(Guid cycleId, Guid applicationId, ReviewStage stage, Guid? planId, DateTimeOffset now)
    {
        CycleId = cycleId;
        ApplicationId = applicationId;
        Stage = stage;
        PlanId = planId;
        FormedAt = now;
        RecordAction($"组建{stage.Display()}专家组");
    }

    public override (string Type, Guid Id) AuditSubject => ("Application", ApplicationId);

    /// <summary>Members holding a seat: assigned or declared.</summary>
    public IEnumerable<GroupMember> ActiveMembers => Members.Where(m => m.IsActive);

    public GroupMember? Leader => ActiveMembers.FirstOrDefault(m => m.Role == GroupRole.Leader);

    public GroupMember? ActiveMemberFor(Guid reviewerId) => ActiveMembers.FirstOrDefault(m => m.ReviewerId == reviewerId);

    /// <summary>Seats a reviewer; a second active seat for the same reviewer is refused.</summary>
    public GroupMember Seat(Guid reviewerId, GroupRole role, Guid? planId, DateTimeOffset now)
    {
        if (ActiveMemberFor(reviewerId) is not null)
            throw new DomainRuleException("该评审员已在本专家组中，不能重复分配。");
        if (role == GroupRole.Leader && Leader is { } current) current.ChangeRole(GroupRole.Member);
        var member = new GroupMember(Id, ApplicationId, reviewerId, role, now);
        Members.Add(member);
        if (planId is not null) PlanId = planId;
        return member;
    }
}

/// <summary>One seat in an <see cref="ExpertGroup"/>; its history stays when the reviewer declines or is removed.</summary>
public sealed class GroupMember : Entity
{
    public Guid GroupId { get; private set; }
    /// <summary>Copied from the group so that “may this reviewer see this application” is one indexed query.</summary>
    public Guid ApplicationId { get; private set; }
    /// <summary>The <c>ReviewerProfile</c> id.</summary>
    public Guid ReviewerId { get; private set; }
    public GroupRole Role { get; private set; }
    public MemberStatus Status { get; private set; } = MemberStatus.Assigned;
    public DateTimeOffset AssignedAt { get; private set; }
    /// <summary>When the reviewer declared no conflict and accepted the confidentiality terms (第二十八条 保守秘密).</summary>
    public DateTimeOffset? DeclaredAt { get; private set; }
    /// <summary>The version label of the terms accepted, e.g. “2026-1”.</summary>
    public string? TermsVersion { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>Why the seat ended: the reviewer's reason for declining, or the office's for removing.</summary>
    public string? EndReason { get; private set; }

    private GroupMember() { }

    internal GroupMember(Guid groupId, Guid applicationId, Guid reviewerId, GroupRole role, DateTimeOffset now)
    {
        GroupId = groupId;
        ApplicationId = applicationId;
        ReviewerId = reviewerId;
        Role = role;
        AssignedAt = now;
        RecordAction(role == GroupRole.Leader ? "分配评审员（组长）" : "分配评审员");
    }

    public override (string Type, Guid Id) AuditSubject => ("Application", ApplicationId);

    public bool IsActive => Status is MemberStatus.Assigned or MemberStatus.Declared;

    /// <summary>True once the reviewer may open the application's materials.</summary>
    public bool MayViewMaterials => Status == MemberStatus.Declared;

    public void ChangeRole(GroupRole role)
    {
        if (!IsActive) throw new DomainRuleException("该评审员已不在专家组中，不能调整组内角色。");
        if (Role == role) return;
        Role = role;
        RecordAction(role == GroupRole.Leader ? "指定为组长" : "改为组员");
    }

    /// <summary>无利益冲突声明 + 保密承诺, required before any material is shown.</summary>
    public void Declare(string termsVersion, DateTimeOffset now)
    {
        if (Status != MemberStatus.Assigned)
            throw new DomainRuleException($"该专家组席位当前为“{Status.Display()}”，不能再签署声明。请刷新页面。");
        Status = MemberStatus.Declared;
        DeclaredAt = now;
        TermsVersion = termsVersion;
        RecordAction("签署无利益冲突声明和保密承诺");
    }

    /// <summary>The reviewer declines the seat, with a reason; allowed until the score sheet is submitted.</summary>
    public void Decline(string reason, DateTimeOffset now)
    {
        if (!IsActive) throw new DomainRuleException("该专家组席位已结束，无需再谢绝。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写谢绝的原因，便于活动办公室重新安排。");
        End(MemberStatus.Declined, reason, now, "评审员谢绝参加专家组");
    }

    /// <summary>The office removes the seat (confirmed conflict, re-plan, sanction), with a reason.</summary>
    public void Remove(string reason, DateTimeOffset now)
    {
        if (!IsActive) return;
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写撤出该评审员的原因。");
        End(MemberStatus.Removed, reason, now, "将评审员撤出专家组");
    }

    private void End(MemberStatus status, string reason, DateTimeOffset now, string action)
    {
        Status = status;
        EndedAt = now;
        EndReason = reason.Trim();
        RecordAction(action);
    }
}
