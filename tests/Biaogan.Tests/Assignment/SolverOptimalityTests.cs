using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>The solver against exhaustive search on small instances and against an independent flow baseline on larger ones.</summary>
[NoDatabase]
public class SolverOptimalityTests
{
    private static readonly SolverOptions Quick = new() { TimeLimit = TimeSpan.FromSeconds(20), Workers = 2, Seed = 7 };

    public static TheoryData<int, int, int, int> SmallShapes => new()
    {
        // applications, reviewers, k, seeds
        { 3, 5, 2, 40 },
        { 4, 6, 2, 25 },
        { 3, 7, 3, 15 },
    };

    [Theory]
    [MemberData(nameof(SmallShapes))]
    public void The_full_model_reaches_the_brute_force_optimum_on_small_instances(int apps, int reviewers, int k, int seeds)
    {
        var solved = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var problem = Small(apps, reviewers, k, seed);
            var expected = AssignmentBruteForce.Optimum(problem);
            var result = AssignmentSolver.Solve(problem, Quick);
            if (expected is null)
            {
                Assert.Equal(AssignmentStatus.Infeasible, result.Status);
                Assert.NotEmpty(result.Problems);
                continue;
            }
            solved++;
            Assert.Equal(AssignmentStatus.Optimal, result.Status);
            Assert.Equal(expected, result.Objective);
            Assert.True(result.Statistics.CompleteModel);
            Assert.True(result.Check!.IsFeasible);
            Assert.Equal(0, result.Gap);
        }
        Assert.True(solved >= seeds / 2, $"only {solved} of {seeds} instances were feasible; the test would prove little");
    }

    [Theory]
    [MemberData(nameof(SmallShapes))]
    public void The_flow_core_reaches_the_brute_force_optimum_of_its_relaxation(int apps, int reviewers, int k, int seeds)
    {
        for (var seed = 1; seed <= seeds; seed++)
        {
            var problem = Small(apps, reviewers, k, seed);
            var expected = AssignmentBruteForce.Optimum(problem, flowRelaxation: true);
            var flow = AssignmentFlow.Solve(problem);
            if (expected is null)
            {
                Assert.False(flow.IsComplete);
                Assert.NotEmpty(flow.Shortfalls);
                continue;
            }
            Assert.True(flow.IsComplete);
            Assert.Equal(expected, flow.Cost);
        }
    }

    [Theory]
    [InlineData(20, 15, 3, 101)]
    [InlineData(40, 25, 3, 102)]
    [InlineData(60, 30, 5, 103)]
    [InlineData(80, 40, 2, 104)]
    [InlineData(120, 50, 4, 105)]
    public void The_flow_core_costs_the_same_as_an_independent_min_cost_flow_on_larger_instances(int apps, int reviewers, int k, int seed)
    {
        var shape = new AssignmentShape(apps, reviewers, k, 1, 12, Employers: reviewers / 2, Regions: 8, ConflictRate: 0.08, LeaderShare: 0.3);
        var problem = AssignmentRandomInstances.Create(shape, seed);
        var flow = AssignmentFlow.Solve(problem);
        var (baselineFlow, baselineCost) = AssignmentFlowBaseline.Solve(problem);
        Assert.Equal(baselineFlow, flow.Seats);
        Assert.Equal(baselineCost, flow.Cost);
        // The relaxation ignores the 组长 rule and the employer rule across regions; groups may be short if seats are.
        var violations = AssignmentChecker.Check(problem, flow.Solution).Violations;
        Assert.All(violations, v => Assert.True(v.Kind is ViolationKind.MissingLeader or ViolationKind.SameEmployer
            || (v.Kind is ViolationKind.WrongGroupSize && !flow.IsComplete), v.Description));
    }

    [Fact]
    public void The_flow_bound_lies_between_the_plain_bipartite_flow_and_the_full_objective()
    {
        var shape = new AssignmentShape(60, 40, 4, 4, 9, Employers: 12, Regions: 5, ConflictRate: 0.05, LeaderShare: 0.3);
        var problem = AssignmentRandomInstances.Create(shape, 77);
        var (_, plain) = AssignmentFlowBaseline.Solve(problem, layers: false);
        var result = AssignmentSolver.Solve(problem, Quick with { TimeLimit = TimeSpan.FromSeconds(5) });
        Assert.NotNull(result.Objective);
        Assert.True(plain <= result.FlowBound, $"plain {plain} > flow bound {result.FlowBound}");
        Assert.True(result.FlowBound <= result.Objective);
        Assert.True(result.LowerBound <= result.Objective);
        Assert.InRange(result.Gap!.Value, 0, 1);
    }

    [Fact]
    public void A_caller_supplied_expertise_cost_replaces_the_default()
    {
        var shape = new AssignmentShape(6, 10, 2, 2, 3, Employers: 10, Regions: 10, ConflictRate: 0, LeaderShare: 1);
        var problem = AssignmentRandomInstances.Create(shape, 5);
        var favourite = problem.Reviewers.Take(3).Select(r => r.Id).ToHashSet();
        var custom = problem with { MatchCost = (r, _) => favourite.Contains(r.Id) ? 0 : 10, SameRegionPairPenalty = 0 };
        var result = AssignmentSolver.Solve(custom, Quick);
        // The three favourites have 7 seats between them at most (caps 2–3); every other seat costs 10.
        var favouriteSeats = result.Solution!.Pairs.Count(pair => favourite.Contains(pair.ReviewerId));
        Assert.Equal(problem.Reviewers.Take(3).Sum(r => r.Capacity), favouriteSeats);
        Assert.Equal(10L * (12 - favouriteSeats), result.Objective);
    }

    [Fact]
    public void The_default_expertise_cost_prefers_the_same_division_then_the_same_section()
    {
        var app = new AssignmentApplication(Guid.NewGuid(), "甲公司", new IndustryCode("C", "39"));
        AssignmentReviewer With(params IndustryCode[] e) => new(Guid.NewGuid(), "某评审员", 1, e, "", "", false);
        Assert.Equal(0, ExpertiseMatch.Default(With(new IndustryCode("C", "39")), app));
        Assert.Equal(1, ExpertiseMatch.Default(With(new IndustryCode("C", "26")), app));
        Assert.Equal(1, ExpertiseMatch.Default(With(new IndustryCode("C")), app));
        Assert.Equal(0, ExpertiseMatch.Default(With(new IndustryCode("I", "65"), new IndustryCode("C", "39")), app));
        Assert.Equal(3, ExpertiseMatch.Default(With(new IndustryCode("I", "65")), app));
        Assert.Equal(0, ExpertiseMatch.Default(With(new IndustryCode("C")), app with { Industry = new("C") }));
    }

    /// <summary>Tight enough that the rules bite: few employers and regions, some conflicts, caps 1–3.</summary>
    private static AssignmentProblem Small(int apps, int reviewers, int k, int seed) =>
        AssignmentRandomInstances.Create(new AssignmentShape(apps, reviewers, k, 1, 3, Employers: reviewers - 2, Regions: 3,
            ConflictRate: 0.15, LeaderShare: 0.4), seed * 1000 + apps * 10 + k);
}
