namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// A chain move of the local search: member m of group a gives its seat to a reviewer r who costs less there but
/// has no free seat, and r's seat in another group b goes to a reviewer f with a free seat — or to m itself, whose
/// seat just came free (a swap). Taken when the two groups' total falls; employers stay apart and a group that needs
/// a 组长 keeps an eligible member, so the plan keeps every hard rule and its objective only goes down. These are the
/// moves a plan from the flows lacks where the cheap reviewers are fully booked (case B of bench/README.md).
/// </summary>
internal sealed class Ejection
{
    /// <summary>Candidate evaluations per call at most, so that a large pool cannot stall the warm start.</summary>
    public const long Budget = 40_000_000;

    private readonly IndexedProblem p;
    private readonly List<int>[] groups;
    private readonly int[] load;
    private readonly bool[] leaderRequired;
    private readonly List<int>[] seats;
    private readonly int[]?[] ranked;
    private long evaluations;

    private Ejection(IndexedProblem p, List<int>[] groups, int[] load, bool[] leaderRequired)
    {
        (this.p, this.groups, this.load, this.leaderRequired) = (p, groups, load, leaderRequired);
        seats = Enumerable.Range(0, p.R).Select(_ => new List<int>()).ToArray();
        for (var a = 0; a < groups.Length; a++)
            foreach (var r in groups[a]) seats[r].Add(a);
        ranked = new int[]?[p.A];
    }

    /// <summary>One pass over every seat with a positive cost; true when a move was made. Updates the loads.</summary>
    public static bool Run(IndexedProblem p, List<int>[] groups, int[] load, bool[] leaderRequired, CancellationToken ct)
    {
        var search = new Ejection(p, groups, load, leaderRequired);
        var improved = false;
        for (var a = 0; a < groups.Length && search.evaluations < Budget; a++)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < groups[a].Count; i++) improved |= search.TrySeat(a, i);
        }
        return improved;
    }

    private int[] Ranked(int a) => ranked[a] ??= p.RankedCandidates(a, 0);

    private bool TrySeat(int a, int i)
    {
        var m = groups[a][i];
        var current = LocalImprovement.Contribution(p, groups[a], a, m, m);
        if (current == 0) return false;
        foreach (var r in Ranked(a))
        {
            if (p.Cost(a, r) >= current || evaluations >= Budget) return false; // cheapest first: nobody further helps
            evaluations++;
            if (r == m || load[r] < p.Capacity[r] || groups[a].Contains(r)) continue; // a free r is the plain replacement's move
            var gain = current - LocalImprovement.Contribution(p, groups[a], a, r, m);
            if (gain <= 0 || !LocalImprovement.Fits(p, groups[a], r, m, leaderRequired[a], m)) continue;
            foreach (var b in seats[r])
            {
                if (b == a) continue;
                var f = Refill(b, r, m, gain);
                if (f < 0) continue;
                Move(a, m, r);
                Move(b, r, f);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A reviewer to take r's seat in group b for less than r's cost there plus <paramref name="gain"/>: one with a
    /// free seat, or m (leaving group a); −1 when there is none.
    /// </summary>
    private int Refill(int b, int r, int m, long gain)
    {
        var group = groups[b];
        var limit = LocalImprovement.Contribution(p, group, b, r, r) + gain;
        foreach (var f in Ranked(b))
        {
            if (p.Cost(b, f) >= limit || ++evaluations >= Budget) return -1;
            if (f == r || (f != m && load[f] >= p.Capacity[f]) || group.Contains(f)) continue;
            if (LocalImprovement.Contribution(p, group, b, f, r) < limit && LocalImprovement.Fits(p, group, f, r, leaderRequired[b], r))
                return f;
        }
        return -1;
    }

    /// <summary>Reviewer in takes the seat of reviewer out in group g.</summary>
    private void Move(int g, int @out, int @in)
    {
        groups[g][groups[g].IndexOf(@out)] = @in;
        seats[@out].Remove(g);
        seats[@in].Add(g);
        load[@out]--;
        load[@in]++;
    }
}
