using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>
/// The chain move of the local search (Ejection): a fully booked cheaper reviewer takes a seat and a free reviewer
/// refills theirs. It must keep every hard rule and never raise the objective.
/// </summary>
[NoDatabase]
public class EjectionTests
{
    [Fact]
    public void A_fully_booked_cheaper_reviewer_takes_the_seat_and_a_free_reviewer_refills_theirs()
    {
        // 甲 (C39) holds m, who knows nothing of it (3); r knows both industries but sits in 乙 (I65) and is fully booked;
        // f knows only I65 and is free. No single replacement helps 甲 (f costs 3 there too): only the chain does.
        var app1 = new AssignmentApplication(Guid.NewGuid(), "甲公司", new IndustryCode("C", "39"));
        var app2 = new AssignmentApplication(Guid.NewGuid(), "乙公司", new IndustryCode("I", "65"));
        AssignmentReviewer Reviewer(string name, params IndustryCode[] expertise) =>
            new(Guid.NewGuid(), name, 1, expertise, name + "单位", "", true);
        var m = Reviewer("m", new IndustryCode("A", "01"));
        var r = Reviewer("r", new IndustryCode("C", "39"), new IndustryCode("I", "65"));
        var f = Reviewer("f", new IndustryCode("I", "65"));
        var problem = new AssignmentProblem([app1, app2], [m, r, f], []) { GroupSize = 1 };
        var p = new IndexedProblem(problem);
        var groups = new[] { new List<int> { 0 }, new List<int> { 1 } };
        var leaderRequired = new[] { true, true };
        var load = new[] { 1, 1, 0 };

        Assert.True(Ejection.Run(p, groups, load, leaderRequired, CancellationToken.None));

        Assert.Equal([1], groups[0]);
        Assert.Equal([2], groups[1]);
        Assert.Equal([0, 1, 1], load);
        Assert.Equal(0, p.Objective(groups));
        Assert.True(AssignmentChecker.Check(problem, p.ToSolution(groups, LeaderChoice.Pick(p, groups, null))).IsFeasible);
    }

    [Fact]
    public void Chain_moves_keep_every_hard_rule_and_never_raise_the_objective()
    {
        var moved = false;
        for (var seed = 1; seed <= 30; seed++)
        {
            var shape = new AssignmentShape(40, 35, 2 + seed % 4, 2, 5, Employers: 20, Regions: 5, ConflictRate: 0.05, LeaderShare: 0.3);
            var problem = AssignmentRandomInstances.Create(shape, 700 + seed);
            var p = new IndexedProblem(problem);
            var leaderRequired = Enumerable.Range(0, p.A).Select(p.LeaderRequired).ToArray();
            var flow = AssignmentFlow.Solve(p);
            if (flow.Seats < problem.Demand) continue;
            var (groups, feasible) = GroupRepair.Run(p, flow.Groups, leaderRequired);
            if (!feasible) continue;
            var load = new int[p.R];
            foreach (var x in groups.SelectMany(g => g)) load[x]++;

            while (true)
            {
                var before = p.Objective(groups);
                var changed = Ejection.Run(p, groups, load, leaderRequired, CancellationToken.None);
                var check = AssignmentChecker.Check(problem, p.ToSolution(groups, LeaderChoice.Pick(p, groups, null)));
                Assert.True(check.IsFeasible, $"seed {seed}: " + string.Join("；", check.Violations.Select(v => v.Description)));
                Assert.Equal(p.Objective(groups), check.Objective);
                Assert.Equal(groups.SelectMany(g => g).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count()),
                    load.Select((l, x) => (l, x)).Where(t => t.l > 0).ToDictionary(t => t.x, t => t.l));
                if (!changed) break;
                Assert.True(check.Objective < before, $"seed {seed}: a move that changed the plan did not lower {before} (now {check.Objective})");
                moved = true;
            }
        }
        Assert.True(moved, "no chain move was ever made; the test would prove little");
    }
}
