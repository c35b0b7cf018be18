using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>Problems without a solution are explained in Chinese before any search, per application where possible.</summary>
[NoDatabase]
public class SolverInfeasibilityTests
{
    private static readonly SolverOptions Quick = new() { TimeLimit = TimeSpan.FromSeconds(10), Workers = 2 };

    private static AssignmentApplication App(string name) => new(Guid.NewGuid(), name, new("C", "39"));

    private static AssignmentReviewer Reviewer(string name, int capacity, string employer, bool leader = true) =>
        new(Guid.NewGuid(), name, capacity, [new("C", "39")], employer, "", leader);

    [Fact]
    public void Too_little_capacity_in_total_is_reported_with_the_numbers()
    {
        var apps = new[] { App("甲公司"), App("乙公司"), App("丙公司") };
        var reviewers = Enumerable.Range(1, 4).Select(i => Reviewer($"评审员{i}", 1, $"E{i}")).ToList();
        var result = AssignmentSolver.Solve(new(apps, reviewers, []) { GroupSize = 2 }, Quick);
        Assert.Equal(AssignmentStatus.Infeasible, result.Status);
        Assert.Null(result.Solution);
        var issue = Assert.Single(result.Problems);
        Assert.Null(issue.ApplicationId);
        Assert.Contains("负荷上限合计 4 人次，少于需要的 6 人次", issue.Description);
        Assert.Contains("无法完成分配", result.Summary);
    }

    [Fact]
    public void An_application_with_fewer_than_k_unconflicted_reviewers_is_named()
    {
        var jia = App("甲公司");
        var yi = App("乙公司");
        var reviewers = Enumerable.Range(1, 5).Select(i => Reviewer($"评审员{i}", 2, $"E{i}")).ToList();
        var conflicts = reviewers.Take(3).Select(r => new ReviewerApplicationPair(r.Id, yi.Id)).ToList();
        var result = AssignmentSolver.Solve(new([jia, yi], reviewers, conflicts) { GroupSize = 3 }, Quick);
        Assert.Equal(AssignmentStatus.Infeasible, result.Status);
        var issue = Assert.Single(result.Problems);
        Assert.Equal(yi.Id, issue.ApplicationId);
        Assert.Contains("「乙公司」只有 2 名无利益冲突且有负荷余量的评审员，每组需要 3 名", issue.Description);
    }

    [Fact]
    public void An_application_whose_reviewers_come_from_too_few_employers_is_named()
    {
        var jia = App("甲公司");
        var reviewers = new[] { Reviewer("评审员1", 1, "同一单位"), Reviewer("评审员2", 1, "同一单位"), Reviewer("评审员3", 1, "另一单位") };
        var result = AssignmentSolver.Solve(new([jia], reviewers, []) { GroupSize = 3 }, Quick);
        var issue = Assert.Single(result.Problems);
        Assert.Equal(jia.Id, issue.ApplicationId);
        Assert.Contains("只来自 2 个单位", issue.Description);
    }

    [Fact]
    public void Load_caps_that_only_together_are_too_tight_are_found_by_the_flow_and_named_per_application()
    {
        // 甲 and 乙 may only use 评审员1 and 评审员2 (one seat each); 丙 may use everyone. Capacity 6 = demand 6.
        var (jia, yi, bing) = (App("甲公司"), App("乙公司"), App("丙公司"));
        var r = new[] { Reviewer("评审员1", 1, "E1"), Reviewer("评审员2", 1, "E2"), Reviewer("评审员3", 2, "E3"), Reviewer("评审员4", 2, "E4") };
        var conflicts = new[] { jia, yi }.SelectMany(a => r.Skip(2).Select(x => new ReviewerApplicationPair(x.Id, a.Id))).ToList();
        var result = AssignmentSolver.Solve(new([jia, yi, bing], r, conflicts) { GroupSize = 2 }, Quick);
        Assert.Equal(AssignmentStatus.Infeasible, result.Status);
        Assert.Contains("最多只能安排 4 人次，少于需要的 6 人次", result.Problems[0].Description);
        Assert.Contains(result.Problems, i => i.ApplicationId is { } id && (id == jia.Id || id == yi.Id) && i.Description.Contains("只能分到"));
        Assert.DoesNotContain(result.Problems, i => i.ApplicationId == bing.Id);
    }

    [Fact]
    public void Too_few_leader_seats_for_the_groups_that_need_a_leader_is_reported()
    {
        var apps = new[] { App("甲公司"), App("乙公司"), App("丙公司") };
        var reviewers = new List<AssignmentReviewer> { Reviewer("组长甲", 2, "L1") };
        reviewers.AddRange(Enumerable.Range(1, 6).Select(i => Reviewer($"评审员{i}", 3, $"E{i}", leader: false)));
        var result = AssignmentSolver.Solve(new(apps, reviewers, []) { GroupSize = 2 }, Quick);
        Assert.Equal(AssignmentStatus.Infeasible, result.Status);
        Assert.Contains(result.Problems, i => i.Description.Contains("需要组长的专家组有 3 个，具备组长资格的评审员负荷上限合计只有 2 个"));
    }

    [Fact]
    public void A_group_with_no_possible_leader_is_solved_without_one_and_noted()
    {
        var jia = App("甲公司");
        var yi = App("乙公司");
        var leader = Reviewer("组长甲", 1, "L1");
        var others = Enumerable.Range(1, 4).Select(i => Reviewer($"评审员{i}", 2, $"E{i}", leader: false)).ToList();
        var result = AssignmentSolver.Solve(new([jia, yi], [leader, .. others], [new(leader.Id, yi.Id)]) { GroupSize = 2 }, Quick);
        Assert.NotNull(result.Solution);
        Assert.Equal(leader.Id, result.Solution.GroupOf(jia.Id)!.LeaderId);
        Assert.Null(result.Solution.GroupOf(yi.Id)!.LeaderId);
        var notice = Assert.Single(result.Notices);
        Assert.Equal(yi.Id, notice.ApplicationId);
        Assert.Contains("「乙公司」没有可担任组长的评审员", notice.Description);
    }

    [Fact]
    public void Too_few_leader_seats_once_conflicts_are_counted_are_found_by_the_leader_slot_flow()
    {
        // Both groups need a 组长. 组长乙 conflicts with both applicants, so only 组长甲 (one seat) can lead: the
        // counts pass the pre-checks and the flow core fills every seat, but the leader-slot flow cannot.
        var (jia, yi) = (App("甲公司"), App("乙公司"));
        var r = new[] { Reviewer("组长甲", 1, "E1"), Reviewer("组长乙", 1, "E2"), Reviewer("评审员1", 2, "E3", leader: false),
            Reviewer("评审员2", 2, "E4", leader: false) };
        var conflicts = new[] { new ReviewerApplicationPair(r[1].Id, jia.Id), new ReviewerApplicationPair(r[1].Id, yi.Id) };
        var result = AssignmentSolver.Solve(new([jia, yi], r, conflicts) { GroupSize = 2 }, Quick);
        Assert.Equal(AssignmentStatus.Infeasible, result.Status);
        Assert.Contains("每组须有一名具备组长资格的评审员的要求下，最多只能安排 3 人次，少于需要的 4 人次", result.Problems[0].Description);
        Assert.Contains(result.Problems, i => i.ApplicationId is not null && i.Description.Contains("只能分到 1 名"));
    }

    [Fact]
    public void An_employer_clash_across_regions_that_the_flows_relax_is_proved_infeasible_by_the_search()
    {
        // 组长甲 and 组长乙 work for one employer in two provinces; the flows only keep one employer per region apart,
        // so they put both in each group. Every group needs a second employer, but 评审员丙 has one seat for two groups.
        var (jia, yi) = (App("甲公司"), App("乙公司"));
        var r = new[]
        {
            new AssignmentReviewer(Guid.NewGuid(), "组长甲", 2, [new("C", "39")], "同一单位", "110000", true),
            new AssignmentReviewer(Guid.NewGuid(), "组长乙", 2, [new("C", "39")], "同一单位", "310000", true),
            new AssignmentReviewer(Guid.NewGuid(), "评审员丙", 1, [new("C", "39")], "另一单位", "440000", false),
        };
        var result = AssignmentSolver.Solve(new([jia, yi], r, []) { GroupSize = 2 }, Quick);
        Assert.Equal(AssignmentStatus.Infeasible, result.Status);
        Assert.Equal("INFEASIBLE", result.Statistics.SearchStatus);
        Assert.Contains("不存在可行方案", Assert.Single(result.Problems).Description);
        Assert.Equal(0, result.FlowBound);
    }
}
