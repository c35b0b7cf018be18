using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>
/// An independent min-cost-flow baseline: a plain successive-shortest-path algorithm (Bellman–Ford on the residual
/// graph) over the flow core's relaxation, built here from the rules rather than from the solver's code: per
/// application a node per region whose t-th unit costs (t−1) × penalty, under it a capacity-1 node per (region,
/// employer). Every such node exists even for a single reviewer — an equivalent network to the solver's, which only
/// inserts them where two reviewers share a region or an employer. <c>layers</c> = false gives the plain bipartite graph.
/// </summary>
public sealed class AssignmentFlowBaseline
{
    private readonly List<(int To, int Capacity, long Cost)> arcs = [];
    private readonly List<List<int>> outgoing = [];

    /// <summary>Maximum flow and its minimum cost.</summary>
    public static (long Flow, long Cost) Solve(AssignmentProblem problem, bool layers = true)
    {
        var graph = new AssignmentFlowBaseline();
        var source = graph.Node();
        var sink = graph.Node();
        var conflicts = problem.Conflicts.ToHashSet();
        var reviewerNode = problem.Reviewers.ToDictionary(r => r.Id, _ => graph.Node());
        foreach (var r in problem.Reviewers) graph.Arc(reviewerNode[r.Id], sink, Math.Max(r.Capacity, 0), 0);
        foreach (var app in problem.Applications)
        {
            var appNode = graph.Node();
            graph.Arc(source, appNode, problem.GroupSize, 0);
            var regionNode = new Dictionary<string, int>();
            var employerNode = new Dictionary<string, int>();
            foreach (var r in problem.Reviewers.Where(r => !conflicts.Contains(new(r.Id, app.Id))))
            {
                var tail = appNode;
                if (layers && r.RegionCode != "" && !regionNode.TryGetValue(r.RegionCode, out tail))
                {
                    tail = regionNode[r.RegionCode] = graph.Node();
                    for (var t = 0; t < problem.GroupSize; t++) graph.Arc(appNode, tail, 1, (long)t * problem.SameRegionPairPenalty);
                }
                var key = r.RegionCode + "/" + r.EmployerKey;
                if (layers && r.EmployerKey != "")
                {
                    if (!employerNode.TryGetValue(key, out var node))
                    {
                        node = employerNode[key] = graph.Node();
                        graph.Arc(tail, node, 1, 0);
                    }
                    tail = node;
                }
                graph.Arc(tail, reviewerNode[r.Id], 1, problem.MatchCost(r, app));
            }
        }
        return graph.MinCostMaxFlow(source, sink);
    }

    private int Node()
    {
        outgoing.Add([]);
        return outgoing.Count - 1;
    }

    private void Arc(int from, int to, int capacity, long cost)
    {
        outgoing[from].Add(arcs.Count);
        arcs.Add((to, capacity, cost));
        outgoing[to].Add(arcs.Count);
        arcs.Add((from, 0, -cost));
    }

    private (long Flow, long Cost) MinCostMaxFlow(int source, int sink)
    {
        long flow = 0, cost = 0;
        var n = outgoing.Count;
        while (true)
        {
            var distance = Enumerable.Repeat(long.MaxValue, n).ToArray();
            var via = new int[n];
            distance[source] = 0;
            for (var round = 0; round < n; round++)
            {
                var changed = false;
                for (var u = 0; u < n; u++)
                {
                    if (distance[u] == long.MaxValue) continue;
                    foreach (var e in outgoing[u])
                    {
                        var (to, capacity, c) = arcs[e];
                        if (capacity > 0 && distance[u] + c < distance[to])
                        {
                            distance[to] = distance[u] + c;
                            via[to] = e;
                            changed = true;
                        }
                    }
                }
                if (!changed) break;
            }
            if (distance[sink] == long.MaxValue) return (flow, cost);
            var push = int.MaxValue;
            for (var v = sink; v != source; v = arcs[via[v] ^ 1].To) push = Math.Min(push, arcs[via[v]].Capacity);
            for (var v = sink; v != source; v = arcs[via[v] ^ 1].To)
            {
                var e = via[v];
                arcs[e] = arcs[e] with { Capacity = arcs[e].Capacity - push };
                arcs[e ^ 1] = arcs[e ^ 1] with { Capacity = arcs[e ^ 1].Capacity + push };
            }
            flow += push;
            cost += push * distance[sink];
        }
    }
}
