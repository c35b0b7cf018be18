using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>When a reviewer declines or leaves, only the gap changes; the rest of the plan stays as it was.</summary>
[NoDatabase]
public class SolverStabilityTests
{
    private static readonly SolverOptions Quick = new() { TimeLimit = TimeSpan.FromSeconds(5), Workers = 2, Seed = 11 };
    private static readonly AssignmentShape Shape = new(30, 40, 3, 2, 5, Employers: 25, Regions: 6, ConflictRate: 0.05, LeaderShare: 0.45);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void When_one_reviewer_declines_only_that_seat_changes(int seed)
    {
        var (problem, plan) = Solved(seed);
        var group = plan.Groups[seed];
        var decliner = group.ReviewerIds.First(id => id != group.LeaderId);

        var outcome = AssignmentSolver.Resolve(problem, plan, [new ReviewerDeclined(decliner, group.ApplicationId)], Quick);

        var next = outcome.Result.Solution!;
        Assert.True(AssignmentChecker.Check(outcome.EffectiveProblem, next).IsFeasible);
        Assert.Equal((1, 1, 0, 0), (outcome.Freed, outcome.Filled, outcome.Moved, outcome.LeadersChanged));
        Assert.DoesNotContain(new ReviewerApplicationPair(decliner, group.ApplicationId), next.Pairs);
        var before = plan.Pairs.ToHashSet();
        before.Remove(new(decliner, group.ApplicationId));
        Assert.Subset(next.Pairs.ToHashSet(), before);
        Assert.All(plan.Groups, g => Assert.Equal(g.LeaderId, next.GroupOf(g.ApplicationId)!.LeaderId));
        Assert.Contains("其余分配保持不变", outcome.Summary);
    }

    [Fact]
    public void When_the_leader_declines_the_group_gets_a_new_eligible_leader_and_nothing_else_moves()
    {
        var (problem, plan) = Solved(4);
        var group = plan.Groups.First(g => g.LeaderId is not null);
        var outcome = AssignmentSolver.Resolve(problem, plan, [new ReviewerDeclined(group.LeaderId!.Value, group.ApplicationId)], Quick);

        var next = outcome.Result.Solution!;
        Assert.True(AssignmentChecker.Check(outcome.EffectiveProblem, next).IsFeasible);
        Assert.Equal((1, 1, 0, 1), (outcome.Freed, outcome.Filled, outcome.Moved, outcome.LeadersChanged));
        var newLeader = next.GroupOf(group.ApplicationId)!.LeaderId;
        Assert.NotNull(newLeader);
        Assert.NotEqual(group.LeaderId, newLeader);
        Assert.True(problem.Reviewers.Single(r => r.Id == newLeader).LeaderEligible);
    }

    [Fact]
    public void When_a_reviewer_leaves_each_of_their_seats_is_refilled_and_the_rest_stays()
    {
        var (problem, plan) = Solved(5);
        var leaver = plan.Pairs.GroupBy(p => p.ReviewerId).OrderByDescending(g => g.Count()).First();
        var outcome = AssignmentSolver.Resolve(problem, plan, [new ReviewerLeft(leaver.Key)], Quick);

        var next = outcome.Result.Solution!;
        Assert.True(AssignmentChecker.Check(outcome.EffectiveProblem, next).IsFeasible);
        Assert.DoesNotContain(next.Pairs, p => p.ReviewerId == leaver.Key);
        Assert.Equal(leaver.Count(), outcome.Freed);
        Assert.Equal(leaver.Count(), outcome.Filled);
        Assert.Equal(0, outcome.Moved);
        var untouched = plan.Pairs.Where(p => p.ReviewerId != leaver.Key).ToHashSet();
        Assert.Subset(next.Pairs.ToHashSet(), untouched);
        Assert.Equal(0, outcome.EffectiveProblem.Reviewers.Single(r => r.Id == leaver.Key).Capacity);
    }

    [Fact]
    public void When_the_gap_cannot_be_filled_with_the_rest_fixed_the_fewest_seats_move_and_are_counted()
    {
        // k = 1. 评审员3 conflicts with 甲 and is the only one with a free seat: when 评审员1 leaves, the gap
        // can only be filled by moving 评审员2 from 乙 to 甲 and giving 乙 to 评审员3.
        var jia = new AssignmentApplication(Guid.NewGuid(), "甲公司", new("C", "39"));
        var yi = new AssignmentApplication(Guid.NewGuid(), "乙公司", new("C", "39"));
        var r = Enumerable.Range(1, 3).Select(i => new AssignmentReviewer(Guid.NewGuid(), $"评审员{i}", 1, [new("C", "39")], $"E{i}", "", false)).ToList();
        var problem = new AssignmentProblem([jia, yi], r, [new(r[2].Id, jia.Id)]) { GroupSize = 1 };
        var plan = new AssignmentSolution([new(jia.Id, [r[0].Id], null), new(yi.Id, [r[1].Id], null)]);

        var outcome = AssignmentSolver.Resolve(problem, plan, [new ReviewerLeft(r[0].Id)], Quick);

        var next = outcome.Result.Solution!;
        Assert.Equal([r[1].Id], next.GroupOf(jia.Id)!.ReviewerIds);
        Assert.Equal([r[2].Id], next.GroupOf(yi.Id)!.ReviewerIds);
        Assert.Equal((1, 2, 1), (outcome.Freed, outcome.Filled, outcome.Moved));
        Assert.Contains("另调整了 1 个原有席位", outcome.Summary);
    }

    [Fact]
    public void Declining_when_nobody_else_can_take_the_seat_is_reported()
    {
        var jia = new AssignmentApplication(Guid.NewGuid(), "甲公司", new("C", "39"));
        var r = Enumerable.Range(1, 2).Select(i => new AssignmentReviewer(Guid.NewGuid(), $"评审员{i}", 1, [new("C", "39")], $"E{i}", "", true)).ToList();
        var problem = new AssignmentProblem([jia], r, []) { GroupSize = 2 };
        var plan = new AssignmentSolution([new(jia.Id, [r[0].Id, r[1].Id], r[0].Id)]);
        var outcome = AssignmentSolver.Resolve(problem, plan, [new ReviewerDeclined(r[1].Id, jia.Id)], Quick);
        Assert.Null(outcome.Result.Solution);
        Assert.Equal(AssignmentStatus.Infeasible, outcome.Result.Status);
        Assert.Contains("「甲公司」只有 1 名无利益冲突且有负荷余量的评审员", outcome.Result.Problems[0].Description);
    }

    private static (AssignmentProblem, AssignmentSolution) Solved(int seed)
    {
        var problem = AssignmentRandomInstances.Create(Shape, 500 + seed);
        var result = AssignmentSolver.Solve(problem, Quick);
        Assert.True(result.Solution is not null, result.Summary);
        return (problem, result.Solution);
    }
}
