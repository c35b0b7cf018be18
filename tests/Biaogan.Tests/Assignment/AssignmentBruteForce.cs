using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>
/// Exhaustive search over every assignment of a tiny problem, written straight from the rules and sharing no code
/// with the solver. <c>flowRelaxation</c> = true searches the relaxation the flow core solves instead: no 组长 rule,
/// and the employer rule only among reviewers of the same region.
/// </summary>
public static class AssignmentBruteForce
{
    /// <summary>The minimum objective, or null when no assignment keeps the rules.</summary>
    public static long? Optimum(AssignmentProblem problem, bool flowRelaxation = false)
    {
        var groupRules = !flowRelaxation;
        var reviewers = problem.Reviewers;
        var conflicts = problem.Conflicts.ToHashSet();
        var options = problem.Applications.Select(app =>
        {
            var usable = reviewers.Where(r => r.Capacity > 0 && !conflicts.Contains(new(r.Id, app.Id))).ToList();
            var leaderNeeded = usable.Any(r => r.LeaderEligible);
            return Subsets(usable.Count, problem.GroupSize)
                .Select(s => s.Select(i => usable[i]).ToList())
                .Where(g => g.Where(r => r.EmployerKey != "").Select(r => groupRules ? r.EmployerKey : r.RegionCode + "/" + r.EmployerKey)
                    .Distinct().Count() == g.Count(r => r.EmployerKey != ""))
                .Where(g => !groupRules || !leaderNeeded || g.Any(r => r.LeaderEligible))
                .Select(g => (Members: g, Cost: Score(problem, app, g)))
                .ToList();
        }).ToList();

        long? best = null;
        var load = reviewers.ToDictionary(r => r.Id, _ => 0);
        void Search(int index, long cost)
        {
            if (best is { } b && cost >= b) return;
            if (index == options.Count)
            {
                best = cost;
                return;
            }
            foreach (var (members, groupCost) in options[index])
            {
                if (members.Any(r => load[r.Id] >= r.Capacity)) continue;
                foreach (var r in members) load[r.Id]++;
                Search(index + 1, cost + groupCost);
                foreach (var r in members) load[r.Id]--;
            }
        }
        Search(0, 0);
        return best;
    }

    private static long Score(AssignmentProblem problem, AssignmentApplication app, List<AssignmentReviewer> group)
    {
        long cost = group.Sum(r => problem.MatchCost(r, app));
        var pairs = group.Where(r => r.RegionCode != "").GroupBy(r => r.RegionCode).Sum(g => g.Count() * (g.Count() - 1) / 2);
        return cost + pairs * problem.SameRegionPairPenalty;
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }
        for (var first = 0; first < n; first++)
            foreach (var rest in Subsets(n, k - 1).Where(s => s.Length == 0 || s[0] > first))
                yield return [first, .. rest];
    }
}
