using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>The independent checker: every kind of violation is found and described in Chinese; solved plans have none.</summary>
[NoDatabase]
public class AssignmentCheckerTests
{
    private static readonly AssignmentApplication Jia = new(Guid.NewGuid(), "甲公司", new("C", "39"));
    private static readonly AssignmentApplication Yi = new(Guid.NewGuid(), "乙公司", new("I", "65"));
    private static readonly AssignmentReviewer Zhang = Reviewer("张评审", "EMP-A", "110000", leader: true);
    private static readonly AssignmentReviewer Wang = Reviewer("王评审", "EMP-B", "110000");
    private static readonly AssignmentReviewer Li = Reviewer("李评审", "EMP-A", "310000");
    private static readonly AssignmentReviewer Zhao = Reviewer("赵评审", "EMP-C", "440000", leader: true, capacity: 1);

    private static readonly AssignmentProblem Problem =
        new([Jia, Yi], [Zhang, Wang, Li, Zhao], [new(Wang.Id, Yi.Id)]) { GroupSize = 2 };

    [Fact]
    public void A_valid_plan_has_no_violations_and_counts_same_region_pairs()
    {
        var check = Check(Group(Jia, Zhang, [Zhang, Wang]), Group(Yi, Zhao, [Zhao, Li]));
        Assert.True(check.IsFeasible, string.Join("\n", check.Violations.Select(v => v.Description)));
        Assert.Equal(1, check.SameRegionPairs);
        var cluster = Assert.Single(check.SameRegion);
        Assert.Equal(("110000", Jia.Id), (cluster.RegionCode, cluster.ApplicationId));
        var expected = ExpertiseMatch.Default(Zhang, Jia) + ExpertiseMatch.Default(Wang, Jia)
            + ExpertiseMatch.Default(Zhao, Yi) + ExpertiseMatch.Default(Li, Yi);
        Assert.Equal(expected, check.MatchCost);
        Assert.Equal(expected + 1, check.Objective);
    }

    [Fact]
    public void A_conflicted_pair_is_reported_with_both_names()
    {
        var v = Single(ViolationKind.ConflictOfInterest, Group(Jia, Zhang, [Zhang, Li]), Group(Yi, Zhao, [Zhao, Wang]),
            ignore: ViolationKind.SameEmployer);
        Assert.Equal((Yi.Id, Wang.Id), (v.ApplicationId!.Value, v.ReviewerId!.Value));
        Assert.Contains("王评审", v.Description);
        Assert.Contains("乙公司", v.Description);
        Assert.Contains("利益冲突", v.Description);
    }

    [Fact]
    public void Over_load_wrong_size_and_duplicates_are_reported()
    {
        var over = Single(ViolationKind.OverLoad, Group(Jia, Zhao, [Zhao, Wang]), Group(Yi, Zhao, [Zhao, Li]));
        Assert.Contains("赵评审", over.Description);
        Assert.Contains("负荷上限 1", over.Description);

        var size = Single(ViolationKind.WrongGroupSize, Group(Jia, Zhang, [Zhang]), Group(Yi, Zhao, [Zhao, Li]));
        Assert.Contains("应为 2 名", size.Description);

        var twice = Check(Group(Jia, Zhang, [Zhang, Zhang, Wang]), Group(Yi, Zhao, [Zhao, Li]));
        Assert.Contains(twice.Violations, v => v.Kind == ViolationKind.DuplicateReviewer && v.Description.Contains("重复"));

        var missing = Check(Group(Jia, Zhang, [Zhang, Wang]));
        Assert.Contains(missing.Violations, v => v.Kind == ViolationKind.WrongGroupSize && v.ApplicationId == Yi.Id
            && v.Description.Contains("还没有评审专家组"));

        var doubled = Check(Group(Jia, Zhang, [Zhang, Wang]), Group(Yi, Zhao, [Zhao, Li]), Group(Yi, Zhao, [Zhao, Li]));
        Assert.Contains(doubled.Violations, v => v.Kind == ViolationKind.DuplicateGroup);

        var strangers = Check(Group(Jia, Zhang, [Zhang, Guid.NewGuid()]), Group(Yi, Zhao, [Zhao, Li]),
            new AssignmentGroup(Guid.NewGuid(), [Wang.Id], null));
        Assert.Contains(strangers.Violations, v => v.Kind == ViolationKind.UnknownReviewer);
        Assert.Contains(strangers.Violations, v => v.Kind == ViolationKind.UnknownApplication);
    }

    [Fact]
    public void Two_reviewers_of_one_employer_in_a_group_are_reported()
    {
        var v = Single(ViolationKind.SameEmployer, Group(Jia, Zhang, [Zhang, Li]), Group(Yi, Zhao, [Zhao, Wang]),
            ignore: ViolationKind.ConflictOfInterest);
        Assert.Contains("张评审、李评审", v.Description);
        Assert.Contains("同一单位", v.Description);
    }

    [Fact]
    public void A_missing_or_ineligible_leader_is_reported()
    {
        var missing = Single(ViolationKind.MissingLeader, new AssignmentGroup(Jia.Id, [Zhang.Id, Wang.Id], null), Group(Yi, Zhao, [Zhao, Li]));
        Assert.Contains("没有组长", missing.Description);

        var ineligible = Single(ViolationKind.IneligibleLeader, Group(Jia, Wang, [Zhang, Wang]), Group(Yi, Zhao, [Zhao, Li]));
        Assert.Contains("王评审不具备组长资格", ineligible.Description);

        var outsider = Single(ViolationKind.IneligibleLeader, Group(Jia, Zhao, [Zhang, Wang]), Group(Yi, Zhao, [Zhao, Li]));
        Assert.Contains("不是本组成员", outsider.Description);
    }

    [Fact]
    public void A_group_without_any_possible_leader_gets_a_notice_not_a_violation()
    {
        var nobody = Problem with { Reviewers = Problem.Reviewers.Select(r => r with { LeaderEligible = false }).ToList() };
        var check = AssignmentChecker.Check(nobody, new([
            new AssignmentGroup(Jia.Id, [Zhang.Id, Wang.Id], null), new AssignmentGroup(Yi.Id, [Zhao.Id, Li.Id], null)]));
        Assert.True(check.IsFeasible);
        Assert.Equal(2, check.Notices.Count);
        Assert.Contains("没有可担任组长的评审员", check.Notices[0].Description);
    }

    [Fact]
    public void Two_hundred_random_instances_solved_with_the_full_model_have_no_violations()
    {
        var options = new SolverOptions { TimeLimit = TimeSpan.FromSeconds(3), Workers = 1, Seed = 3 };
        var solved = 0;
        for (var seed = 1; seed <= 200; seed++)
        {
            var random = new Random(seed);
            var reviewers = random.Next(12, 31);
            var shape = new AssignmentShape(random.Next(5, 16), reviewers, random.Next(2, 5), 2, 5,
                Employers: random.Next(6, reviewers), Regions: random.Next(3, 7), ConflictRate: 0.05, LeaderShare: 0.3);
            var problem = AssignmentRandomInstances.Create(shape, seed);
            var result = AssignmentSolver.Solve(problem, options);
            if (result.Solution is null)
            {
                Assert.Equal(AssignmentStatus.Infeasible, result.Status);
                Assert.NotEmpty(result.Problems);
                continue;
            }
            solved++;
            var check = AssignmentChecker.Check(problem, result.Solution);
            Assert.True(check.IsFeasible, $"seed {seed}: " + string.Join("；", check.Violations.Select(v => v.Description)));
            Assert.Equal(check.Objective, result.Objective);
            Assert.True(result.FlowBound <= result.Objective);
        }
        Assert.True(solved >= 150, $"only {solved} of 200 random instances were feasible");
    }

    private static AssignmentReviewer Reviewer(string name, string employer, string region, bool leader = false, int capacity = 2) =>
        new(Guid.NewGuid(), name, capacity, [new("C", "39")], employer, region, leader);

    private static AssignmentGroup Group(AssignmentApplication app, AssignmentReviewer leader, IEnumerable<object> members) =>
        new(app.Id, members.Select(m => m is AssignmentReviewer r ? r.Id : (Guid)m).ToList(), leader.Id);

    private static AssignmentCheck Check(params AssignmentGroup[] groups) => AssignmentChecker.Check(Problem, new(groups));

    private static AssignmentViolation Single(ViolationKind kind, AssignmentGroup first, AssignmentGroup second, ViolationKind? ignore = null)
    {
        var check = Check(first, second);
        Assert.All(check.Violations, v => Assert.True(v.Kind == kind || v.Kind == ignore, v.Description));
        return Assert.Single(check.Violations, v => v.Kind == kind);
    }
}
