using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>
/// The flow core built on the cheapest pairs first, with bypass arcs for the rest (FlowPruning): its answer must be
/// the full graph's optimum — never above it, or the flow bound would exceed the true optimum — whatever the cut-off.
/// </summary>
[NoDatabase]
public class FlowPruningTests
{
    [Theory]
    [InlineData(30, 20, 3, 1, 201)]
    [InlineData(40, 25, 3, 2, 202)]
    [InlineData(60, 30, 5, 3, 203)]
    [InlineData(80, 40, 2, 1, 204)]
    [InlineData(120, 50, 4, 6, 205)]
    public void The_pruned_flow_core_costs_the_same_as_the_full_graph_and_an_independent_flow(int apps, int reviewers, int k, int keep, int seed)
    {
        var shape = new AssignmentShape(apps, reviewers, k, 2, 12, Employers: reviewers / 2, Regions: 8, ConflictRate: 0.08, LeaderShare: 0.3);
        var problem = AssignmentRandomInstances.Create(shape, seed);
        var p = new IndexedProblem(problem);
        var pruned = AssignmentFlow.Solve(p, keep: keep);
        var full = AssignmentFlow.Solve(p, keep: int.MaxValue);
        var (baselineFlow, baselineCost) = AssignmentFlowBaseline.Solve(problem);
        Assert.Equal(baselineFlow, pruned.Seats);
        Assert.Equal(baselineCost, pruned.Cost);
        Assert.Equal(full.Cost, pruned.Cost);
        // The groups are a flow of the full graph, not of the bypasses: their own objective is the cost, loads hold.
        Assert.Equal(pruned.Cost, p.Objective(pruned.Groups));
        Assert.Equal(pruned.Seats, pruned.Groups.Sum(g => g.Count));
        Assert.All(pruned.Groups, g => Assert.InRange(g.Count, 0, k));
        var load = pruned.Groups.SelectMany(g => g).GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(load, pair => Assert.True(pair.Value <= p.Capacity[pair.Key]));
    }

    [Theory]
    [InlineData(50, 40, 2, 1, 31)]
    [InlineData(60, 45, 3, 2, 32)]
    [InlineData(40, 60, 4, 4, 33)]
    public void The_pruned_leader_slot_relaxation_costs_the_same_as_on_the_full_graph(int apps, int reviewers, int k, int keep, int seed)
    {
        var shape = new AssignmentShape(apps, reviewers, k, 3, 6, Employers: reviewers / 2, Regions: 6, ConflictRate: 0.05, LeaderShare: 0.4);
        var problem = AssignmentRandomInstances.Create(shape, seed);
        var p = new IndexedProblem(problem);
        var leaderRequired = Enumerable.Range(0, p.A).Select(p.LeaderRequired).ToArray();
        var pruned = AssignmentFlow.Solve(p, null, leaderRequired, pairNodes: false, keep: keep);
        var full = AssignmentFlow.Solve(p, null, leaderRequired, pairNodes: false, keep: int.MaxValue);
        Assert.Equal(problem.Demand, full.Seats);
        Assert.Equal(full.Seats, pruned.Seats);
        Assert.Equal(full.Cost, pruned.Cost);
    }

    [Fact]
    public void Pruning_still_finds_the_largest_flow_when_seats_are_short()
    {
        // 30 reviewers with one seat each cannot fill 40 groups of three: the bypasses stay in use until the full graph.
        var shape = new AssignmentShape(40, 30, 3, 1, 1, Employers: 15, Regions: 5, ConflictRate: 0.05, LeaderShare: 0.3);
        var problem = AssignmentRandomInstances.Create(shape, 7);
        var p = new IndexedProblem(problem);
        var pruned = AssignmentFlow.Solve(p, keep: 2);
        var (baselineFlow, baselineCost) = AssignmentFlowBaseline.Solve(problem);
        Assert.Equal(30, baselineFlow);
        Assert.Equal(baselineFlow, pruned.Seats);
        Assert.Equal(baselineCost, pruned.Cost);
        Assert.Equal(30, pruned.Groups.Sum(g => g.Count));
    }

    [Fact]
    public void A_warm_start_that_meets_the_flow_bound_is_reported_optimal_without_a_search()
    {
        var met = 0;
        for (var seed = 1; seed <= 6; seed++)
        {
            // Plenty of reviewers, all eligible, employers and regions spread out: the flow plan keeps every rule.
            var shape = new AssignmentShape(12, 60, 2, 4, 4, Employers: 60, Regions: 30, ConflictRate: 0.02, LeaderShare: 1);
            var problem = AssignmentRandomInstances.Create(shape, 300 + seed);
            var reports = new List<SolverProgress>();
            var result = AssignmentSolver.Solve(problem, new SolverOptions { TimeLimit = TimeSpan.FromSeconds(20), Workers = 2 },
                new SynchronousProgress(reports.Add));
            Assert.True(result.Check!.IsFeasible);
            if (result.Statistics.WarmStartObjective != result.FlowBound) continue;
            met++;
            Assert.Equal(AssignmentStatus.Optimal, result.Status);
            Assert.Equal(result.FlowBound, result.Objective);
            Assert.Equal(0, result.Gap);
            Assert.Equal("", result.Statistics.SearchStatus);
            Assert.Equal(0, result.Statistics.Solutions);
            Assert.DoesNotContain(reports, r => r.Phase == SolverPhase.Search);
            Assert.Equal(result.FlowBound, reports[^1].BestBound);
        }
        Assert.True(met > 0, "no warm start met the bound; the test would prove little");
    }

    private sealed class SynchronousProgress(Action<SolverProgress> report) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => report(value);
    }
}
