using Google.OrTools.Graph;

namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>The flow core's answer in indices: reviewers per application, total expertise cost, seats filled.</summary>
internal sealed record FlowAssignment(List<int>[] Groups, long Cost, long Seats);

/// <summary>The flow core's answer: the cheapest assignment without the region and 组长 rules, and its cost — a lower bound.</summary>
/// <param name="Shortfalls">When not every seat could be filled: why, per application, in Chinese.</param>
public sealed record FlowResult(AssignmentSolution Solution, long Cost, long Seats, long Demand, IReadOnlyList<AssignmentIssue> Shortfalls)
{
    public bool IsComplete => Seats == Demand;
}

/// <summary>
/// The min-cost-flow core (OR-Tools MinCostFlow): source → application (capacity k) → reviewer (capacity 1, cost =
/// expertise cost, conflicted pairs left out) → sink (capacity = load cap). Where an application has two or more
/// usable reviewers of one employer, their arcs pass through an (application, employer) node of capacity 1; since
/// every reviewer has one employer this is still a network, and it makes the flow obey the hard same-employer rule
/// exactly. The optimal flow cost is therefore a valid lower bound on the objective of the full model (which only
/// adds rules and non-negative penalties), and a tighter one than the plain bipartite graph.
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

    internal static FlowAssignment Solve(IndexedProblem p)
    {
        var groups = Enumerable.Range(0, p.A).Select(_ => new List<int>(Math.Max(p.K, 0))).ToArray();
        if (p.A == 0 || p.R == 0 || p.K < 1) return new(groups, 0, 0);

        using var mcf = new MinCostFlow();
        const int source = 0, sink = 1;
        int AppNode(int a) => 2 + a;
        int ReviewerNode(int r) => 2 + p.A + r;
        var nextNode = 2 + p.A + p.R;

        // Pair arcs first, so that arc i < pairCount is the i-th usable pair (its reviewer in pairReviewer).
        var appStart = new int[p.A + 1];
        var pairReviewer = new List<int>();
        var employerArcs = new List<(int App, int Node)>();
        var employerCount = new Dictionary<int, int>();
        var employerNode = new Dictionary<int, int>();
        for (var a = 0; a < p.A; a++)
        {
            appStart[a] = pairReviewer.Count;
            employerCount.Clear();
            employerNode.Clear();
            for (var r = 0; r < p.R; r++)
                if (p.Available(a, r) && p.Employer[r] >= 0)
                    employerCount[p.Employer[r]] = employerCount.GetValueOrDefault(p.Employer[r]) + 1;
            for (var r = 0; r < p.R; r++)
            {
                if (!p.Available(a, r)) continue;
                var tail = AppNode(a);
                var e = p.Employer[r];
                if (e >= 0 && employerCount[e] > 1)
                {
                    if (!employerNode.TryGetValue(e, out tail))
                    {
                        tail = employerNode[e] = nextNode++;
                        employerArcs.Add((a, tail));
                    }
                }
                mcf.AddArcWithCapacityAndUnitCost(tail, ReviewerNode(r), 1, p.Cost(a, r));
                pairReviewer.Add(r);
            }
        }
        appStart[p.A] = pairReviewer.Count;

        foreach (var (a, node) in employerArcs) mcf.AddArcWithCapacityAndUnitCost(AppNode(a), node, 1, 0);
        for (var a = 0; a < p.A; a++) mcf.AddArcWithCapacityAndUnitCost(source, AppNode(a), p.K, 0);
        for (var r = 0; r < p.R; r++)
            if (p.Capacity[r] > 0) mcf.AddArcWithCapacityAndUnitCost(ReviewerNode(r), sink, p.Capacity[r], 0);
        mcf.SetNodeSupply(source, p.Source.Demand);
        mcf.SetNodeSupply(sink, -p.Source.Demand);

        var status = mcf.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL)
            throw new InvalidOperationException($"最小费用流求解失败（状态 {status}）。");

        for (var a = 0; a < p.A; a++)
            for (var i = appStart[a]; i < appStart[a + 1]; i++)
                if (mcf.Flow(i) > 0) groups[a].Add(pairReviewer[i]);
        return new(groups, mcf.OptimalCost(), mcf.MaximumFlow());
    }
}
