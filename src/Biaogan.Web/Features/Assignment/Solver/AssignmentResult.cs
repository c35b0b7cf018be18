namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>What the solver returns.</summary>
/// <param name="Solution">The assignment, when one was found (always checked by <see cref="AssignmentChecker"/>).</param>
/// <param name="Check">The checker's verdict on <paramref name="Solution"/>.</param>
/// <param name="Problems">Why there is no solution, per application where it can be said (Chinese).</param>
/// <param name="Notices">Remarks that do not prevent a solution (e.g. a group without any possible 组长).</param>
/// <param name="Objective">Expertise costs plus region penalties of <paramref name="Solution"/>.</param>
/// <param name="FlowBound">
/// The higher cost of the two optimal flow relaxations (the flow core, and the leader-slot flow when the 组长 rule
/// bites): no assignment can do better.
/// </param>
/// <param name="LowerBound">The best proven lower bound: the flow bound, or CP-SAT's when its model is complete and it is higher.</param>
public sealed record AssignmentResult(
    AssignmentStatus Status,
    AssignmentSolution? Solution,
    AssignmentCheck? Check,
    IReadOnlyList<AssignmentIssue> Problems,
    IReadOnlyList<AssignmentIssue> Notices,
    long? Objective,
    long? FlowBound,
    double? LowerBound,
    SolverStatistics Statistics)
{
    /// <summary>Relative gap between the objective and the lower bound: 0 = proved optimal.</summary>
    public double? Gap => Objective is not { } o || LowerBound is not { } lb ? null : o == 0 ? 0 : Math.Max(0, (o - lb) / o);

    /// <summary>The objective as a share of the flow bound (1.0 = as good as the flow core without group rules).</summary>
    public double? ShareOfFlowBound => Objective is { } o && FlowBound is > 0 ? (double)o / FlowBound.Value : null;

    /// <summary>A Chinese one-line summary for the office.</summary>
    public string Summary => Status switch
    {
        AssignmentStatus.Optimal => $"已得到最优方案，目标值 {Objective}（专业匹配代价与同地区惩罚之和），已证明不可能更低。",
        AssignmentStatus.Feasible => $"已得到满足全部硬性规则的方案，目标值 {Objective}，下界 {LowerBound:0.##}，" +
            $"差距 {Gap:P1}（时间限制内未能证明最优）。",
        AssignmentStatus.Infeasible => $"无法完成分配：{string.Join("；", Problems.Select(i => i.Description))}",
        _ => "在时间限制内未找到满足全部规则的方案，请延长时间限制后重试。",
    };
}

/// <summary>A change to an existing plan.</summary>
public abstract record AssignmentChange;

/// <summary>A reviewer declines one application (或新确认了利益冲突): the pair may not be used again.</summary>
public sealed record ReviewerDeclined(Guid ReviewerId, Guid ApplicationId) : AssignmentChange;

/// <summary>A reviewer leaves the pool for this round: every seat of theirs is freed and not refilled with them.</summary>
public sealed record ReviewerLeft(Guid ReviewerId) : AssignmentChange;

/// <summary>The outcome of re-solving after changes.</summary>
/// <param name="EffectiveProblem">The problem with the changes applied (declined pairs as conflicts, leavers at capacity 0).</param>
/// <param name="Freed">Seats freed by the changes.</param>
/// <param name="Filled">New seats: pairs in the new plan that were not in the previous one.</param>
/// <param name="Moved">Previous seats, not freed by the changes, that the new plan had to drop (0 when the rest stayed fixed).</param>
/// <param name="LeadersChanged">Groups whose 组长 changed.</param>
public sealed record ResolveResult(
    AssignmentResult Result,
    AssignmentProblem EffectiveProblem,
    int Freed,
    int Filled,
    int Moved,
    int LeadersChanged)
{
    /// <summary>A Chinese one-line summary for the office.</summary>
    public string Summary => Result.Solution is null
        ? Result.Summary
        : Moved == 0
            ? $"已补齐 {Filled} 个空缺席位，其余分配保持不变；{LeadersChanged} 个专家组更换了组长。"
            : $"已补齐空缺，但为满足规则另调整了 {Moved} 个原有席位（新增 {Filled} 个）；{LeadersChanged} 个专家组更换了组长。";
}
