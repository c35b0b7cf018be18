using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Web.Features.Assignment;

/// <summary>
/// How much a broken rule weighs when the office applies a plan (docs/decisions/0010-assignment-plan-apply-rules.md):
/// a conflicted pair or an unknown person is never applied; over-capacity, two reviewers of one employer and an
/// ineligible 组长 need a recorded reason; an incomplete group, a missing 组长 and same-region members are warnings.
/// </summary>
public enum RuleWeight
{
    /// <summary>不得执行</summary>
    Forbidden,
    /// <summary>须填写理由</summary>
    NeedsReason,
    /// <summary>提醒</summary>
    Warning,
}

/// <summary>One broken rule as the preview shows it.</summary>
public sealed record BrokenRule(RuleWeight Weight, string Rule, string Description, Guid? ApplicationId, Guid? ReviewerId);

/// <summary>What a plan changes in one application's group.</summary>
public sealed record GroupChange(Guid ApplicationId, IReadOnlyList<Guid> Added, IReadOnlyList<Guid> Removed, Guid? LeaderBefore, Guid? LeaderAfter)
{
    public bool LeaderChanged => LeaderBefore != LeaderAfter;
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && !LeaderChanged;
}

/// <summary>The preview of a plan: every broken rule in Chinese, the figures, and the difference from the groups in force.</summary>
public sealed record PlanReview(
    IReadOnlyList<BrokenRule> Rules,
    IReadOnlyList<GroupChange> Changes,
    AssignmentCheck Check,
    bool Stale)
{
    public bool HasForbidden => Rules.Any(r => r.Weight == RuleWeight.Forbidden);
    public bool NeedsReason => Rules.Any(r => r.Weight == RuleWeight.NeedsReason);
    public int SeatsAdded => Changes.Sum(c => c.Added.Count);
    public int SeatsRemoved => Changes.Sum(c => c.Removed.Count);
}

public static class PlanPreview
{
    public static PlanReview Review(AssignmentInput input, AssignmentPlan plan)
    {
        var solution = plan.ToSolution();
        var check = AssignmentChecker.Check(input.Problem, solution);
        var rules = check.Violations.Select(v => new BrokenRule(Weigh(v.Kind), RuleName(v.Kind), v.Description, v.ApplicationId, v.ReviewerId))
            .Concat(check.Notices.Select(n => new BrokenRule(RuleWeight.Warning, "组长", n.Description, n.ApplicationId, null)))
            .Concat(check.SameRegion.Select(c => new BrokenRule(RuleWeight.Warning, "地区分散",
                $"「{input.ApplicationName(c.ApplicationId)}」的专家组中有 {c.ReviewerIds.Count} 名评审员来自同一地区" +
                $"（{string.Join("、", c.ReviewerIds.Select(input.ReviewerName))}），宜尽量分散。", c.ApplicationId, null)))
            .OrderBy(r => r.Weight).ToList();
        return new(rules, Diff(input.Current, solution), check, plan.IsStale(input.Fingerprint));
    }

    /// <summary>Per application, the seats a plan adds and removes and the 组长 it changes, against the groups in force.</summary>
    public static IReadOnlyList<GroupChange> Diff(AssignmentSolution current, AssignmentSolution planned)
    {
        var ids = current.Groups.Select(g => g.ApplicationId).Union(planned.Groups.Select(g => g.ApplicationId));
        var changes = new List<GroupChange>();
        foreach (var id in ids)
        {
            var before = current.GroupOf(id);
            var after = planned.GroupOf(id);
            // An application the plan does not cover keeps its group: applying never touches it.
            if (after is null) continue;
            var b = before?.ReviewerIds ?? [];
            var change = new GroupChange(id, after.ReviewerIds.Except(b).ToList(), b.Except(after.ReviewerIds).ToList(), before?.LeaderId, after.LeaderId);
            if (!change.IsEmpty) changes.Add(change);
        }
        return changes;
    }

    public static RuleWeight Weigh(ViolationKind kind) => kind switch
    {
        ViolationKind.ConflictOfInterest or ViolationKind.UnknownApplication or ViolationKind.UnknownReviewer
            or ViolationKind.DuplicateGroup or ViolationKind.DuplicateReviewer => RuleWeight.Forbidden,
        ViolationKind.OverLoad or ViolationKind.SameEmployer or ViolationKind.IneligibleLeader => RuleWeight.NeedsReason,
        _ => RuleWeight.Warning,
    };

    public static string RuleName(ViolationKind kind) => kind switch
    {
        ViolationKind.ConflictOfInterest => "利益冲突回避",
        ViolationKind.OverLoad => "负荷上限",
        ViolationKind.SameEmployer => "同单位回避",
        ViolationKind.WrongGroupSize => "专家组人数",
        ViolationKind.MissingLeader or ViolationKind.IneligibleLeader => "组长",
        ViolationKind.DuplicateReviewer => "重复分配",
        ViolationKind.DuplicateGroup => "重复分组",
        _ => "人员或申报不存在",
    };

    public static string Display(this RuleWeight w) => w switch
    {
        RuleWeight.Forbidden => "不得执行",
        RuleWeight.NeedsReason => "须说明理由",
        _ => "提醒",
    };

    public static string Badge(this RuleWeight w) => w switch
    {
        RuleWeight.Forbidden => "badge-err",
        RuleWeight.NeedsReason => "badge-warn",
        _ => "badge-info",
    };
}
