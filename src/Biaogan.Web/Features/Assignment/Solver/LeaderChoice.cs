namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// Chooses the 组长 of each group among its leader-eligible members. The leader carries no cost in the objective,
/// so once a group holds an eligible member (a hard constraint of the model) any of them is optimal; the choice
/// keeps a previous leader who is still in the group, and otherwise prefers the best expertise match and then the
/// reviewer leading the fewest groups so far, to spread the 组长 duties.
/// </summary>
internal static class LeaderChoice
{
    public static Func<int, int?> Pick(IndexedProblem p, IReadOnlyList<IReadOnlyList<int>> groups, int?[]? previous)
    {
        var leaders = new int?[groups.Count];
        var led = new int[p.R];
        if (previous is not null)
            for (var a = 0; a < groups.Count; a++)
                if (previous[a] is { } l && p.Eligible[l] && groups[a].Contains(l))
                {
                    leaders[a] = l;
                    led[l]++;
                }
        for (var a = 0; a < groups.Count; a++)
        {
            if (leaders[a] is not null) continue;
            int? best = null;
            foreach (var r in groups[a])
            {
                if (!p.Eligible[r]) continue;
                if (best is not { } b || (p.Cost(a, r), led[r], r).CompareTo((p.Cost(a, b), led[b], b)) < 0) best = r;
            }
            leaders[a] = best;
            if (best is { } chosen) led[chosen]++;
        }
        return a => leaders[a];
    }
}
