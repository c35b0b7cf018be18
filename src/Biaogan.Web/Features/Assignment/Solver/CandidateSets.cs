namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>Which reviewers each application's search may consider when the whole pool would be too large.</summary>
internal static class CandidateSets
{
    /// <summary>
    /// For each application: the cheapest usable reviewers (a seeded hash breaks ties; everyone on small problems),
    /// the members of the given plans, and as many again of the cheapest leader-eligible reviewers (half as many).
    /// Complete is true when every application got every usable reviewer.
    /// </summary>
    public static (int[][] Candidates, bool Complete) Build(IndexedProblem p, SolverOptions options, bool[] leaderRequired,
        params IReadOnlyList<List<int>>?[] plans)
    {
        var count = options.CandidateCount(p.A, p.R, p.K);
        var candidates = new int[p.A][];
        var complete = true;
        for (var a = 0; a < p.A; a++)
        {
            var ranked = p.RankedCandidates(a, options.Seed);
            var chosen = new HashSet<int>(ranked.Take(count));
            foreach (var plan in plans)
                if (plan is not null) chosen.UnionWith(plan[a]);
            // 组长 seats are the scarcest resource: offer the cheapest eligible reviewers beside the cheapest overall.
            if (leaderRequired[a]) chosen.UnionWith(ranked.Where(r => p.Eligible[r]).Take(Math.Max(2, count / 2)));
            complete &= chosen.Count >= ranked.Length;
            candidates[a] = chosen.ToArray();
        }
        return (candidates, complete);
    }
}
