namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// The warm start for CP-SAT: the best of the repaired flow solutions — the leader-slot bound flow's plan when that
/// flow was solved, and the flow core's own (which ignores the
/// 组长 rule, so groups without an eligible member get one by a local swap), and the flow with a reserved 组长 slot
/// per group on the candidate graph (<see cref="AssignmentFlow"/>), which chooses leaders and members together and
/// mostly only needs the 组长's employer clashes repaired. Both are repaired and then improved by local moves
/// (<see cref="LocalImprovement"/>); hard rules kept wins, then the lower objective.
/// </summary>
internal static class WarmStart
{
    /// <param name="leaderFlow">
    /// The leader-slot bound flow, when it was solved: its groups lack the 组长 (the slot unit is not a pair), so the
    /// repair adds one; where the 组长 rule is what raises the bound, this plan is often the closest to it.
    /// </param>
    public static (List<int>[] Groups, bool Feasible, long Objective) Build(IndexedProblem p, FlowAssignment flow,
        bool[] leaderRequired, int[][] candidates, Action<string, long?> report, CancellationToken ct, FlowAssignment? leaderFlow = null)
    {
        var best = Repaired(p, flow.Groups, leaderRequired, ct);
        if (leaderFlow is not null && leaderFlow.Cost > flow.Cost)
        {
            var fromBound = Repaired(p, leaderFlow.Groups.Select(g => g.ToList()).ToArray(), leaderRequired, ct);
            if ((fromBound.Feasible, -fromBound.Objective).CompareTo((best.Feasible, -best.Objective)) > 0) best = fromBound;
        }
        var lacking = Enumerable.Range(0, p.A).Count(a => leaderRequired[a] && !flow.Groups[a].Any(r => p.Eligible[r]));
        report($"最小费用流方案修复后目标值 " + (best.Feasible ? best.Objective : "—") +
            (lacking == 0 ? "。" : "；正在候选评审员范围内求解预留组长席位的最小费用流……"), best.Feasible ? best.Objective : null);
        if (lacking == 0) return best;
        ct.ThrowIfCancellationRequested();

        // On a candidate graph the slots may not all fill; the repair completes the groups that stay short.
        var slotted = AssignmentFlow.Solve(p, candidates, leaderRequired);
        var repaired = Repaired(p, slotted.Groups, leaderRequired, ct);
        if ((repaired.Feasible, -repaired.Objective).CompareTo((best.Feasible, -best.Objective)) > 0) best = repaired;
        report($"预留组长席位后初始方案目标值 " + (best.Feasible ? best.Objective : "—") + "。", best.Feasible ? best.Objective : null);
        return best;
    }

    /// <summary>
    /// Another near-plan (the priced flow's of <see cref="LeaderLagrangian"/>) repaired and improved: returned when it
    /// keeps every rule and beats the current warm start, otherwise null.
    /// </summary>
    public static (List<int>[] Groups, long Objective)? Challenge(IndexedProblem p, List<int>[] groups, bool[] leaderRequired,
        (List<int>[] Groups, long Objective) current, CancellationToken ct)
    {
        var repaired = Repaired(p, groups.Select(g => g.ToList()).ToArray(), leaderRequired, ct);
        return repaired.Feasible && repaired.Objective < current.Objective ? (repaired.Groups, repaired.Objective) : null;
    }

    /// <summary>Repaired to the hard rules and, when that succeeded, improved by local moves.</summary>
    private static (List<int>[] Groups, bool Feasible, long Objective) Repaired(IndexedProblem p, List<int>[] groups, bool[] leaderRequired,
        CancellationToken ct)
    {
        var (repaired, feasible) = GroupRepair.Run(p, groups, leaderRequired);
        if (feasible) LocalImprovement.Run(p, repaired, leaderRequired, ct);
        return (repaired, feasible, p.Objective(repaired));
    }
}
