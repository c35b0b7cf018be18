using Google.OrTools.Graph;

namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>The flow core's answer in indices: reviewers per application, total expertise cost, seats filled.</summary>
internal sealed record FlowAssignment(List<int>[] Groups, long Cost, long Seats);

/// <summary>The flow core's answer: the cheapest assignment under the rules a network can carry, and its cost — a lower bound.</summary>
/// <param name="Shortfalls">When not every seat could be filled: why, per application, in Chinese.</param>
public sealed record FlowResult(AssignmentSolution Solution, long Cost, long Seats, long Demand, IReadOnlyList<AssignmentIssue> Shortfalls)
{
    public bool IsComplete => Seats == Demand;
}

/// <summary>
/// The min-cost-flow core (OR-Tools MinCostFlow): source → application (capacity k) → reviewer (capacity 1, cost =
/// expertise cost, conflicted pairs left out) → sink (capacity = load cap), with two layers between application
/// and reviewer that carry most of the group rules while staying a network:
/// <list type="bullet">
/// <item>a region node per (application, region): its t-th unit costs (t−1) × the same-region penalty (parallel
/// arcs), which is exactly the marginal cost of pairs(c) = c(c−1)/2, a convex function;</item>
/// <item>below it an employer node per (application, region, employer) of capacity 1: no two reviewers of one
/// employer and one region in a group.</item>
/// </list>
/// The flow's optimum therefore prices regions exactly and relaxes only the employer rule across regions (an
/// employer whose reviewers sit in several regions) and the 组长 rule: its cost is a valid lower bound on the full
/// model's objective, much tighter than the plain bipartite flow, and its solution needs little repair.
/// </summary>
public static class AssignmentFlow
{
    /// <summary>Solves the flow core of a problem (a maximum flow of minimum cost when not every seat can be filled).</summary>
    public static FlowResult Solve(AssignmentProblem problem)
    {
        var p = new IndexedProblem(problem);
        var flow = Solve(p);
        var solution = p.ToSolution(flow.Groups, LeaderChoice.Pick(p, flow.Groups, null));
        var shortfalls = flow.Seats < problem.Demand ? AssignmentFeasibility.Shortfalls(p, flow) : [];
        return new(solution, flow.Cost, flow.Seats, problem.Demand, shortfalls);
    }

    /// <param name="candidates">Per application, the only reviewers to consider (null = every usable one).</param>
    /// <param name="leaderSlot">
    /// Per application, reserve one of the k units for a leader-eligible reviewer: source → leader slot (capacity 1) →
    /// (application, reviewer) node for eligible reviewers, beside the k − 1 units through the region and employer
    /// layers; the (application, reviewer) node of capacity 1 keeps a reviewer from taking both. Every group then holds
    /// an eligible member; only the 组长's region and employer are not weighed against the others, so the cost is no
    /// longer a bound — this mode builds warm starts. It adds a node per pair: use it on candidate graphs.
    /// </param>
    /// <param name="keep">
    /// Without candidates: the graph is first built with real arcs for only this many of the cheapest reviewers per
    /// application (0 = max(10k, 50); int.MaxValue = the full graph at once) and bypasses for the rest
    /// (<see cref="FlowPruning"/>); the answer is the full graph's optimum either way.
    /// </param>
    internal static FlowAssignment Solve(IndexedProblem p, IReadOnlyList<int[]>? candidates = null, bool[]? leaderSlot = null,
        bool pairNodes = true, int keep = 0)
    {
        if (candidates is not null || keep == int.MaxValue) return Build(p, candidates, leaderSlot, pairNodes, null).Flow;
        var pruning = FlowPruning.Cheapest(p, keep > 0 ? keep : Math.Max(10 * p.K, 50));
        for (var round = 0; round < FlowPruning.MaxRounds; round++)
        {
            var (flow, bypassed) = Build(p, null, leaderSlot, pairNodes, pruning);
            if (bypassed.Count == 0) return flow;
            pruning.Widen(p, bypassed);
        }
        return Build(p, null, leaderSlot, pairNodes, null).Flow;
    }

    /// <summary>
    /// The flow core under Lagrangian prices of the 组长 rule (<see cref="LeaderLagrangian"/>) on a pruned graph whose
    /// bypasses stay in place: the cost is a lower bound of the priced full graph whether or not a bypass carries flow.
    /// The groups hold the real pairs only; the applications whose bypass carried flow are listed.
    /// </summary>
    internal static (FlowAssignment Flow, List<int> Bypassed) Priced(IndexedProblem p, FlowPruning pruning, LeaderPrices prices) =>
        Build(p, null, null, true, pruning, prices);

    /// <summary>One graph and its solve; also the applications whose bypass arcs carried flow.</summary>
    private static (FlowAssignment Flow, List<int> Bypassed) Build(IndexedProblem p, IReadOnlyList<int[]>? candidates, bool[]? leaderSlot,
        bool pairNodes, FlowPruning? pruning, LeaderPrices? prices = null)
    {
        var scale = prices?.Scale ?? 1;
        long PairCost(int a, int r) => (long)scale * p.Cost(a, r) + (prices is null || p.Eligible[r] ? 0 : prices.Penalty[a]);
        var groups = Enumerable.Range(0, p.A).Select(_ => new List<int>(Math.Max(p.K, 0))).ToArray();
        var bypassed = new List<int>();
        if (p.A == 0 || p.R == 0 || p.K < 1) return (new(groups, 0, 0), bypassed);

        using var mcf = new MinCostFlow();
        const int source = 0, sink = 1;
        int AppNode(int a) => 2 + a;
        int ReviewerNode(int r) => 2 + p.A + r;
        var nextNode = 2 + p.A + p.R;

        // Reviewers ordered by (region, employer): every region and every (region, employer) is one run.
        var order = Enumerable.Range(0, p.R).Where(r => p.Capacity[r] > 0)
            .OrderBy(r => p.Region[r]).ThenBy(r => p.Employer[r]).ToArray();
        var available = new bool[order.Length];
        var position = new int[p.R];
        for (var i = 0; i < order.Length; i++) position[order[i]] = i;

        // Pair arcs first, so that arc i < pairCount is the i-th usable pair (its reviewer in pairReviewer).
        var appStart = new int[p.A + 1];
        var slotNode = new int[p.A];
        var pairReviewer = new List<int>();
        var layerArcs = new List<(int Tail, int Head, int Capacity, long Cost)>();
        for (var a = 0; a < p.A; a++)
        {
            appStart[a] = pairReviewer.Count;
            if (candidates is null)
                for (var i = 0; i < order.Length; i++)
                {
                    var c = p.Cost(a, order[i]);
                    available[i] = c >= 0 && (pruning is null || pruning.Keeps(a, c));
                }
            else
            {
                Array.Clear(available);
                foreach (var r in candidates[a]) if (p.Available(a, r)) available[position[r]] = true;
            }
            var slot = leaderSlot?[a] == true ? nextNode++ : -1;
            slotNode[a] = slot;
            if (slot >= 0) layerArcs.Add((source, slot, 1, 0));
            for (var g0 = 0; g0 < order.Length;)
            {
                var g1 = RunEnd(order, g0, r => p.Region[r]);
                var inRegion = Count(available, g0, g1);
                var regionTail = AppNode(a);
                if (p.Region[order[g0]] >= 0 && p.RegionPenalty > 0 && inRegion > 1)
                {
                    regionTail = nextNode++;
                    for (var t = 0; t < Math.Min(inRegion, p.K); t++)
                        layerArcs.Add((AppNode(a), regionTail, 1, (long)t * p.RegionPenalty * scale));
                }
                for (var e0 = g0; e0 < g1;)
                {
                    var e1 = RunEnd(order, e0, r => p.Employer[r], g1);
                    var tail = regionTail;
                    if (p.Employer[order[e0]] >= 0 && Count(available, e0, e1) > 1)
                    {
                        tail = nextNode++;
                        layerArcs.Add((regionTail, tail, 1, 0));
                    }
                    for (var i = e0; i < e1; i++)
                    {
                        if (!available[i]) continue;
                        var r = order[i];
                        var pairTail = tail;
                        if (slot >= 0 && !pairNodes)
                        {
                            if (p.Eligible[r]) layerArcs.Add((slot, ReviewerNode(r), 1, p.Cost(a, r)));
                        }
                        else if (slot >= 0)
                        {
                            pairTail = nextNode++;
                            layerArcs.Add((tail, pairTail, 1, 0));
                            if (p.Eligible[r]) layerArcs.Add((slot, pairTail, 1, 0));
                        }
                        mcf.AddArcWithCapacityAndUnitCost(pairTail, ReviewerNode(r), 1, PairCost(a, r));
                        pairReviewer.Add(r);
                    }
                    e0 = e1;
                }
                g0 = g1;
            }
        }
        appStart[p.A] = pairReviewer.Count;

        foreach (var (tail, head, capacity, cost) in layerArcs) mcf.AddArcWithCapacityAndUnitCost(tail, head, capacity, cost);
        var bypassArcs = new List<(int Arc, int App)>();
        if (pruning is not null)
            for (var a = 0; a < p.A; a++)
            {
                var units = leaderSlot?[a] == true ? p.K - 1 : p.K;
                if (pruning.Bypass[a] >= 0 && units > 0)
                    bypassArcs.Add((mcf.AddArcWithCapacityAndUnitCost(AppNode(a), sink, units, BypassCost(pruning, a, prices)), a));
                if (leaderSlot?[a] == true && pruning.LeaderBypass[a] >= 0)
                    bypassArcs.Add((mcf.AddArcWithCapacityAndUnitCost(slotNode[a], sink, 1, pruning.LeaderBypass[a]), a));
            }
        for (var a = 0; a < p.A; a++) mcf.AddArcWithCapacityAndUnitCost(source, AppNode(a), leaderSlot?[a] == true ? p.K - 1 : p.K, 0);
        for (var r = 0; r < p.R; r++)
            if (p.Capacity[r] > 0) mcf.AddArcWithCapacityAndUnitCost(ReviewerNode(r), sink, p.Capacity[r], 0);
        mcf.SetNodeSupply(source, p.Source.Demand);
        mcf.SetNodeSupply(sink, -p.Source.Demand);

        var status = mcf.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL)
            throw new InvalidOperationException($"最小费用流求解失败（状态 {status}）。");

        foreach (var (arc, a) in bypassArcs)
            if (mcf.Flow(arc) > 0 && (bypassed.Count == 0 || bypassed[^1] != a)) bypassed.Add(a);
        if (bypassed.Count > 0 && prices is null) return (new(groups, mcf.OptimalCost(), mcf.MaximumFlow()), bypassed);
        for (var a = 0; a < p.A; a++)
            for (var i = appStart[a]; i < appStart[a + 1]; i++)
                if (mcf.Flow(i) > 0) groups[a].Add(pairReviewer[i]);
        return (new(groups, mcf.OptimalCost(), mcf.MaximumFlow()), bypassed);
    }

    /// <summary>
    /// A bypass unit may cost no more than any pair it stands for: unpriced, the cheapest pruned pair; priced, the
    /// cheaper of the cheapest pruned pair plus the non-eligible penalty and the cheapest pruned eligible pair.
    /// </summary>
    private static long BypassCost(FlowPruning pruning, int a, LeaderPrices? prices)
    {
        if (prices is null) return pruning.Bypass[a];
        var cost = (long)prices.Scale * pruning.Bypass[a] + prices.Penalty[a];
        return pruning.LeaderBypass[a] >= 0 ? Math.Min(cost, (long)prices.Scale * pruning.LeaderBypass[a]) : cost;
    }

    /// <summary>End of the run starting at <paramref name="start"/> with the same key (before <paramref name="limit"/>).</summary>
    private static int RunEnd(int[] order, int start, Func<int, int> key, int limit = int.MaxValue)
    {
        var end = start + 1;
        var k = key(order[start]);
        while (end < Math.Min(order.Length, limit) && key(order[end]) == k) end++;
        return end;
    }

    private static int Count(bool[] flags, int from, int to)
    {
        var n = 0;
        for (var i = from; i < to; i++) if (flags[i]) n++;
        return n;
    }
}
