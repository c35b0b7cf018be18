using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>The warm start handed to CP-SAT: repaired flow plans and local moves keep every hard rule and never get worse.</summary>
[NoDatabase]
public class WarmStartTests
{
    [Fact]
    public void Repair_and_local_moves_keep_every_hard_rule_and_never_raise_the_objective()
    {
        var improvedSomewhere = false;
        for (var seed = 1; seed <= 40; seed++)
        {
            var shape = new AssignmentShape(40, 45, 3 + seed % 3, 3, 7, Employers: 25, Regions: 5, ConflictRate: 0.05, LeaderShare: 0.35);
            var problem = AssignmentRandomInstances.Create(shape, 900 + seed);
            var p = new IndexedProblem(problem);
            var leaderRequired = Enumerable.Range(0, p.A).Select(p.LeaderRequired).ToArray();
            var flow = AssignmentFlow.Solve(p);
            if (flow.Seats < problem.Demand) continue;

            var (repaired, feasible) = GroupRepair.Run(p, flow.Groups, leaderRequired);
            if (!feasible) continue;
            var before = p.Objective(repaired);
            Assert.True(Check(p, problem, repaired).IsFeasible);

            LocalImprovement.Run(p, repaired, leaderRequired, CancellationToken.None);
            var after = Check(p, problem, repaired);
            Assert.True(after.IsFeasible, $"seed {seed}: " + string.Join("；", after.Violations.Select(v => v.Description)));
            Assert.Equal(p.Objective(repaired), after.Objective);
            Assert.True(after.Objective <= before, $"seed {seed}: {after.Objective} > {before}");
            Assert.True(after.Objective >= flow.Cost, "no plan can beat the flow bound");
            improvedSomewhere |= after.Objective < before;
        }
        Assert.True(improvedSomewhere, "the local moves never found anything; the test would prove little");
    }

    [Fact]
    public void The_leader_slot_flow_gives_every_group_that_needs_one_an_eligible_member()
    {
        var shape = new AssignmentShape(50, 40, 2, 3, 4, Employers: 30, Regions: 6, ConflictRate: 0.05, LeaderShare: 0.5);
        var problem = AssignmentRandomInstances.Create(shape, 31);
        var p = new IndexedProblem(problem);
        var leaderRequired = Enumerable.Range(0, p.A).Select(p.LeaderRequired).ToArray();
        var plain = AssignmentFlow.Solve(p);
        Assert.Contains(Enumerable.Range(0, p.A), a => leaderRequired[a] && !plain.Groups[a].Any(r => p.Eligible[r]));

        var slotted = AssignmentFlow.Solve(p, null, leaderRequired);
        Assert.Equal(problem.Demand, slotted.Seats);
        Assert.All(Enumerable.Range(0, p.A), a =>
        {
            Assert.Equal(slotted.Groups[a].Count, slotted.Groups[a].Distinct().Count());
            Assert.True(!leaderRequired[a] || slotted.Groups[a].Any(r => p.Eligible[r]));
        });
        // Both flows relax the full model, so the solver's objective lies above both.
        var relaxed = AssignmentFlow.Solve(p, null, leaderRequired, pairNodes: false);
        var result = AssignmentSolver.Solve(problem, new SolverOptions { TimeLimit = TimeSpan.FromSeconds(5), Workers = 1 });
        Assert.Equal(Math.Max(plain.Cost, relaxed.Cost), result.FlowBound);
        Assert.True(result.Objective >= result.FlowBound);
    }

    private static AssignmentCheck Check(IndexedProblem p, AssignmentProblem problem, List<int>[] groups) =>
        AssignmentChecker.Check(problem, p.ToSolution(groups, LeaderChoice.Pick(p, groups, null)));
}
