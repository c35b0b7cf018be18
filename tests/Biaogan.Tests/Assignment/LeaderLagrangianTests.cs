using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>
/// The 组长 rule priced into the flow core (LeaderLagrangian): a lower bound, so never above the optimum found by
/// exhaustive search, whatever the multipliers; and where the 组长 rule bites it must be above the plain flow core.
/// </summary>
[NoDatabase]
public class LeaderLagrangianTests
{
    public static TheoryData<int, int, int, int> SmallShapes => new()
    {
        // applications, reviewers, k, seeds
        { 3, 5, 2, 40 },
        { 4, 6, 2, 30 },
        { 3, 7, 3, 20 },
    };

    [Theory]
    [MemberData(nameof(SmallShapes))]
    public void The_priced_bound_never_exceeds_the_brute_force_optimum(int apps, int reviewers, int k, int seeds)
    {
        var checkedCount = 0;
        var raised = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var problem = Small(apps, reviewers, k, seed);
            var optimum = AssignmentBruteForce.Optimum(problem);
            var p = new IndexedProblem(problem);
            var flow = AssignmentFlow.Solve(p);
            if (optimum is not { } best || flow.Seats < problem.Demand) continue;
            var leaderRequired = Enumerable.Range(0, p.A).Select(p.LeaderRequired).ToArray();
            // A target far above the optimum makes big steps, the kind most likely to overshoot a wrong bound.
            foreach (var target in new[] { best, best + 3, 3 * best + 10 })
            {
                var (bound, iterations, _) = LeaderLagrangian.Search(p, leaderRequired, flow.Cost, target, TimeSpan.FromMinutes(1), null,
                    CancellationToken.None);
                Assert.True(bound <= best, $"seed {seed}, target {target}: bound {bound} > optimum {best} after {iterations} flows");
                Assert.True(bound >= flow.Cost);
                if (bound > flow.Cost) raised++;
            }
            checkedCount++;
        }
        Assert.True(checkedCount >= seeds / 2, $"only {checkedCount} of {seeds} instances were feasible; the test would prove little");
        Assert.True(raised > 0, "the prices never raised the bound above the flow core; the test would prove little");
    }

    [Theory]
    [InlineData(40, 60, 3, 1, 0.25)]
    [InlineData(60, 80, 4, 2, 0.25)]
    [InlineData(80, 80, 2, 3, 0.3)]
    public void Where_the_leader_rule_bites_the_priced_bound_is_above_the_flow_core_and_below_every_plan(int apps, int reviewers,
        int k, int seed, double leaders)
    {
        var shape = new AssignmentShape(apps, reviewers, k, 3, 8, Employers: reviewers / 2, Regions: 6, ConflictRate: 0.05, LeaderShare: leaders);
        var problem = AssignmentRandomInstances.Create(shape, 4000 + seed);
        var p = new IndexedProblem(problem);
        var leaderRequired = Enumerable.Range(0, p.A).Select(p.LeaderRequired).ToArray();
        var flow = AssignmentFlow.Solve(p);
        Assert.Equal(problem.Demand, flow.Seats);
        Assert.Contains(Enumerable.Range(0, p.A), a => leaderRequired[a] && !flow.Groups[a].Any(r => p.Eligible[r]));
        var result = AssignmentSolver.Solve(problem, new SolverOptions { TimeLimit = TimeSpan.FromSeconds(5), Workers = 1, Seed = 3 });
        Assert.NotNull(result.Objective);

        var (bound, _, groups) = LeaderLagrangian.Search(p, leaderRequired, flow.Cost, result.Objective!.Value, TimeSpan.FromMinutes(1),
            null, CancellationToken.None);
        Assert.True(bound > flow.Cost, $"bound {bound} not above the flow core {flow.Cost}");
        Assert.True(bound <= result.Objective, $"bound {bound} above a plan keeping every rule ({result.Objective})");
        Assert.True(result.LowerBound <= result.Objective);
        Assert.NotNull(groups);
        Assert.All(groups!, g => Assert.InRange(g.Count, 0, k));
    }

    /// <summary>Tight enough that the rules bite: few employers and regions, some conflicts, caps 1–3, few leaders.</summary>
    private static AssignmentProblem Small(int apps, int reviewers, int k, int seed) =>
        AssignmentRandomInstances.Create(new AssignmentShape(apps, reviewers, k, 1, 3, Employers: reviewers - 2, Regions: 3,
            ConflictRate: 0.1, LeaderShare: 0.3), seed * 1000 + apps * 10 + k + 7);
}
