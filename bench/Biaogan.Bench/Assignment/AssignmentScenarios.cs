using Biaogan.Tests.Assignment;
using Biaogan.Web.Features.Assignment.Solver;
using Google.OrTools.Graph;

namespace Biaogan.Bench.Assignment;

/// <summary>The two sizes the issue asks for, and the baseline: OR-Tools min-cost flow on the plain bipartite graph.</summary>
public static class AssignmentScenarios
{
    public enum Size
    {
        /// <summary>2,000 applications × 600 reviewers × k = 5, load caps 15–25.</summary>
        A2000xR600xK5,
        /// <summary>5,000 applications × 2,000 reviewers × k = 2, load cap 6.</summary>
        A5000xR2000xK2Cap6,
    }

    public const int Seed = 2026;

    public static AssignmentShape Shape(Size size) => size switch
    {
        Size.A2000xR600xK5 => new(2000, 600, 5, 15, 25, Employers: 150, Regions: 31, ConflictRate: 0.005, LeaderShare: 0.3,
            Sections: 20, DivisionsPerSection: 5),
        _ => new(5000, 2000, 2, 6, 6, Employers: 500, Regions: 31, ConflictRate: 0.002, LeaderShare: 0.5,
            Sections: 20, DivisionsPerSection: 5),
    };

    public static AssignmentProblem Create(Size size) => AssignmentRandomInstances.Create(Shape(size), Seed);

    /// <summary>
    /// The baseline: source → application (capacity k) → reviewer (capacity 1, cost = expertise cost, conflicts left
    /// out) → sink (capacity = load cap), solved by OR-Tools MinCostFlow (SimpleMinCostFlow in C++). No group rules.
    /// </summary>
    public static (long Flow, long Cost) PlainMinCostFlow(AssignmentProblem problem)
    {
        var apps = problem.Applications;
        var reviewers = problem.Reviewers;
        var conflicts = problem.Conflicts.ToHashSet();
        using var mcf = new MinCostFlow();
        const int source = 0, sink = 1;
        for (var a = 0; a < apps.Count; a++)
        {
            mcf.AddArcWithCapacityAndUnitCost(source, 2 + a, problem.GroupSize, 0);
            for (var r = 0; r < reviewers.Count; r++)
                if (reviewers[r].Capacity > 0 && !conflicts.Contains(new(reviewers[r].Id, apps[a].Id)))
                    mcf.AddArcWithCapacityAndUnitCost(2 + a, 2 + apps.Count + r, 1, problem.MatchCost(reviewers[r], apps[a]));
        }
        for (var r = 0; r < reviewers.Count; r++)
            mcf.AddArcWithCapacityAndUnitCost(2 + apps.Count + r, sink, Math.Max(reviewers[r].Capacity, 0), 0);
        mcf.SetNodeSupply(source, problem.Demand);
        mcf.SetNodeSupply(sink, -problem.Demand);
        var status = mcf.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL) throw new InvalidOperationException($"baseline min-cost flow: {status}");
        return (mcf.MaximumFlow(), mcf.OptimalCost());
    }
}
