using System.Text.Json.Serialization;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Assignment;

/// <summary>The manual edits of a plan (手工调整).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EditKind>))]
public enum EditKind
{
    /// <summary>调入：把评审员加入专家组</summary>
    Add,
    /// <summary>调出：把评审员移出专家组</summary>
    Remove,
    /// <summary>调换到另一专家组</summary>
    Move,
    /// <summary>两名评审员互换专家组</summary>
    Swap,
    /// <summary>指定组长</summary>
    SetLeader,
}

/// <summary>One manual edit: <paramref name="ApplicationId"/>'s group and <paramref name="ReviewerId"/>; Move and Swap name the
/// other group (<paramref name="OtherApplicationId"/>), Swap also the other reviewer.</summary>
public sealed record PlanEdit(EditKind Kind, Guid ApplicationId, Guid ReviewerId, Guid? OtherApplicationId = null, Guid? OtherReviewerId = null);

/// <summary>
/// Applies a manual edit to a plan's groups. Only the shape is checked here (the group exists, the reviewer is or is
/// not in it); every programme rule the result breaks is listed by the preview before the office applies it.
/// </summary>
public static class PlanEdits
{
    public static List<PlannedGroup> Apply(IReadOnlyList<PlannedGroup> groups, PlanEdit edit, AssignmentInput input)
    {
        var copy = groups.Select(g => g with { ReviewerIds = [.. g.ReviewerIds] }).ToList();
        var group = GroupFor(copy, edit.ApplicationId, input);
        switch (edit.Kind)
        {
            case EditKind.Add:
                EnsureKnown(edit.ReviewerId, input);
                if (group.ReviewerIds.Contains(edit.ReviewerId))
                    throw new DomainRuleException($"评审员{input.ReviewerName(edit.ReviewerId)}已在「{input.ApplicationName(edit.ApplicationId)}」的专家组中。");
                group.ReviewerIds.Add(edit.ReviewerId);
                break;
            case EditKind.Remove:
                Replace(copy, RemoveFrom(group, edit.ReviewerId, input));
                break;
            case EditKind.Move:
            {
                var target = GroupFor(copy, Other(edit), input);
                if (target.ReviewerIds.Contains(edit.ReviewerId))
                    throw new DomainRuleException($"评审员{input.ReviewerName(edit.ReviewerId)}已在「{input.ApplicationName(target.ApplicationId)}」的专家组中。");
                Replace(copy, RemoveFrom(group, edit.ReviewerId, input));
                target.ReviewerIds.Add(edit.ReviewerId);
                break;
            }
            case EditKind.Swap:
            {
                var target = GroupFor(copy, Other(edit), input);
                var other = edit.OtherReviewerId ?? throw new DomainRuleException("请选择要互换的另一名评审员。");
                var g1 = RemoveFrom(group, edit.ReviewerId, input);
                var g2 = RemoveFrom(target, other, input);
                g1.ReviewerIds.Add(other);
                g2.ReviewerIds.Add(edit.ReviewerId);
                // Whoever led a group keeps leading it only while still in it; the newcomer takes the lead.
                Replace(copy, group.LeaderId == edit.ReviewerId ? g1 with { LeaderId = other } : g1);
                Replace(copy, target.LeaderId == other ? g2 with { LeaderId = edit.ReviewerId } : g2);
                break;
            }
            case EditKind.SetLeader:
                if (!group.ReviewerIds.Contains(edit.ReviewerId))
                    throw new DomainRuleException($"评审员{input.ReviewerName(edit.ReviewerId)}不在「{input.ApplicationName(edit.ApplicationId)}」的专家组中，请先调入再指定为组长。");
                Replace(copy, group with { LeaderId = edit.ReviewerId });
                break;
        }
        return copy;
    }

    /// <summary>A Chinese line describing the edit, kept as the new plan's summary.</summary>
    public static string Describe(PlanEdit e, AssignmentInput input) => e.Kind switch
    {
        EditKind.Add => $"将{input.ReviewerName(e.ReviewerId)}调入「{input.ApplicationName(e.ApplicationId)}」专家组",
        EditKind.Remove => $"将{input.ReviewerName(e.ReviewerId)}调出「{input.ApplicationName(e.ApplicationId)}」专家组",
        EditKind.Move => $"将{input.ReviewerName(e.ReviewerId)}从「{input.ApplicationName(e.ApplicationId)}」调到「{input.ApplicationName(e.OtherApplicationId ?? Guid.Empty)}」",
        EditKind.Swap => $"{input.ReviewerName(e.ReviewerId)}（「{input.ApplicationName(e.ApplicationId)}」）与{input.ReviewerName(e.OtherReviewerId ?? Guid.Empty)}（「{input.ApplicationName(e.OtherApplicationId ?? Guid.Empty)}」）互换",
        _ => $"指定{input.ReviewerName(e.ReviewerId)}为「{input.ApplicationName(e.ApplicationId)}」专家组组长",
    };

    private static Guid Other(PlanEdit e) => e.OtherApplicationId is { } id && id != e.ApplicationId
        ? id : throw new DomainRuleException("请选择另一个申报组织的专家组。");

    private static PlannedGroup GroupFor(List<PlannedGroup> groups, Guid applicationId, AssignmentInput input)
    {
        if (groups.FirstOrDefault(g => g.ApplicationId == applicationId) is { } g) return g;
        if (!input.Applications.ContainsKey(applicationId))
            throw new DomainRuleException("所选申报不在本次分配范围内（只分配资格审查通过的申报），请重新选择。");
        var created = new PlannedGroup(applicationId, [], null);
        groups.Add(created);
        return created;
    }

    private static PlannedGroup RemoveFrom(PlannedGroup group, Guid reviewerId, AssignmentInput input)
    {
        if (!group.ReviewerIds.Remove(reviewerId))
            throw new DomainRuleException($"评审员{input.ReviewerName(reviewerId)}不在「{input.ApplicationName(group.ApplicationId)}」的专家组中，请刷新后重试。");
        return group.LeaderId == reviewerId ? group with { LeaderId = null } : group;
    }

    private static void EnsureKnown(Guid reviewerId, AssignmentInput input)
    {
        if (!input.Reviewers.ContainsKey(reviewerId))
            throw new DomainRuleException("所选人员不是当前可参加评审的评审员（须已聘用且在聘期内），请重新选择。");
    }

    private static void Replace(List<PlannedGroup> groups, PlannedGroup group)
    {
        var i = groups.FindIndex(g => g.ApplicationId == group.ApplicationId);
        groups[i] = group;
    }
}
