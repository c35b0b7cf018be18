namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// A cheap descent on a plan that keeps the hard rules: replace a group member by a reviewer who still has a free
/// seat, or swap a member who shares a region with a member of another group, or pass a seat on along a short chain
/// (<see cref="Ejection"/>), whenever that lowers the expertise
/// cost plus the same-region penalty, keeping employers apart and the 组长 rule; repeat until no move helps. It mends what the leader-slot flow leaves behind (the 组长's region is not
/// priced there) before CP-SAT, which on large instances has little time for such moves.
/// </summary>
internal static class LocalImprovement
{
    private const int MaxPasses = 5;

    public static void Run(IndexedProblem p, List<int>[] groups, bool[] leaderRequired, CancellationToken ct)
    {
        var load = new int[p.R];
        foreach (var r in groups.SelectMany(g => g)) load[r]++;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            ct.ThrowIfCancellationRequested();
            var improved = false;
            for (var a = 0; a < groups.Length; a++)
                for (var i = 0; i < groups[a].Count; i++)
                    improved |= TryReplace(p, groups[a], a, i, load, leaderRequired[a]);
            for (var a = 0; a < groups.Length; a++)
                for (var i = 0; i < groups[a].Count; i++)
                    if (SharesRegion(p, groups[a], groups[a][i])) improved |= TrySwap(p, groups, a, i, leaderRequired);
            improved |= Ejection.Run(p, groups, load, leaderRequired, ct);
            if (!improved) return;
        }
    }

    private static bool TryReplace(IndexedProblem p, List<int> group, int a, int i, int[] load, bool leaderRequired)
    {
        var m = group[i];
        var mustLead = leaderRequired && p.Eligible[m] && !group.Any(x => x != m && p.Eligible[x]);
        var current = Contribution(p, group, a, m, m);
        var best = -1;
        var bestValue = current;
        for (var r = 0; r < p.R; r++)
        {
            if (load[r] >= p.Capacity[r] || (mustLead && !p.Eligible[r]) || !p.Available(a, r) || group.Contains(r)) continue;
            if (p.Employer[r] >= 0 && group.Any(x => x != m && p.Employer[x] == p.Employer[r])) continue;
            var value = Contribution(p, group, a, r, m);
            if (value < bestValue) (best, bestValue) = (r, value);
        }
        if (best < 0) return false;
        group[i] = best;
        load[m]--;
        load[best]++;
        return true;
    }

    /// <summary>Member i of group a trades places with a member of another group when that lowers both groups' total.</summary>
    private static bool TrySwap(IndexedProblem p, List<int>[] groups, int a, int i, bool[] leaderRequired)
    {
        var m = groups[a][i];
        var (bestGroup, bestIndex, bestDelta) = (-1, -1, 0L);
        for (var b = 0; b < groups.Length; b++)
        {
            if (b == a || groups[b].Contains(m) || !p.Available(b, m)) continue;
            for (var j = 0; j < groups[b].Count; j++)
            {
                var n = groups[b][j];
                if (groups[a].Contains(n) || !p.Available(a, n) || !Fits(p, groups[a], n, m, leaderRequired[a], m)
                    || !Fits(p, groups[b], m, n, leaderRequired[b], n)) continue;
                var delta = Contribution(p, groups[a], a, n, m) + Contribution(p, groups[b], b, m, n)
                    - Contribution(p, groups[a], a, m, m) - Contribution(p, groups[b], b, n, n);
                if (delta < bestDelta) (bestGroup, bestIndex, bestDelta) = (b, j, delta);
            }
        }
        if (bestGroup < 0) return false;
        groups[a][i] = groups[bestGroup][bestIndex];
        groups[bestGroup][bestIndex] = m;
        return true;
    }

    /// <summary>r may take member out's seat in the group: employers stay apart and the group keeps an eligible member.</summary>
    internal static bool Fits(IndexedProblem p, List<int> group, int r, int @out, bool leaderRequired, int leaving)
    {
        if (p.Employer[r] >= 0 && group.Any(x => x != @out && x != r && p.Employer[x] == p.Employer[r])) return false;
        return !leaderRequired || p.Eligible[r] || group.Any(x => x != @out && x != leaving && p.Eligible[x]);
    }

    private static bool SharesRegion(IndexedProblem p, List<int> group, int m) =>
        p.Region[m] >= 0 && group.Any(x => x != m && p.Region[x] == p.Region[m]);

    /// <summary>Cost of reviewer r in the seat of member m: expertise cost plus the same-region pairs r forms with the others.</summary>
    internal static long Contribution(IndexedProblem p, List<int> group, int a, int r, int m)
    {
        long value = p.Cost(a, r);
        if (p.Region[r] >= 0) value += (long)p.RegionPenalty * group.Count(x => x != m && p.Region[x] == p.Region[r]);
        return value;
    }
}
