using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>
/// Exhaustive search over every assignment of a tiny problem, written straight from the rules and sharing no code
/// with the solver. <paramref name="groupRules"/> = false keeps only what the flow core models (conflicts, load caps,
/// group size, one reviewer per employer per group) and scores expertise costs only.
/// </summary>
public static class AssignmentBruteForce
{
    /// <summary>The minimum objective, or null when no assignment keeps the rules.</summary>
    public static long? Optimum(AssignmentProblem problem, bool groupRules = true)
    {
        var reviewers = problem.Reviewers;
        var conflicts = problem.Conflicts.ToHashSet();
        var options = problem.Applications.Select(app =>
        {
            var usable = reviewers.Where(r => r.Capacity > 0 && !conflicts.Contains(new(r.Id, app.Id))).ToList();
            var leaderNeeded = usable.Any(r => r.LeaderEligible);
            return Subsets(usable.Count, problem.GroupSize)
                .Select(s => s.Select(i => usable[i]).ToList())
                .Where(g => g.Where(r => r.EmployerKey != "").Select(r => r.EmployerKey).Distinct().Count()
                            == g.Count(r => r.EmployerKey != ""))
                .Where(g => !groupRules || !leaderNeeded || g.Any(r => r.LeaderEligible))
                .Select(g => (Members: g, Cost: Score(problem, app, g, groupRules)))
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

    private static long Score(AssignmentProblem problem, AssignmentApplication app, List<AssignmentReviewer> group, bool groupRules)
    {
        long cost = group.Sum(r => problem.MatchCost(r, app));
        if (!groupRules) return cost;
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
