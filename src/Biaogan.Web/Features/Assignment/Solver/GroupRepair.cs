namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// Turns a near-solution (the flow core's, or a previous plan after changes) into one that keeps the hard group
/// rules where a few local moves can: drops conflicted, repeated, same-employer and over-load seats, fills short
/// groups with the cheapest compatible reviewer (ejecting one from another group when nobody has capacity left),
/// and brings a leader-eligible member into each group that needs a 组长, directly or by a swap with another group.
/// The result warm-starts CP-SAT; whatever the moves cannot fix, the search does.
/// </summary>
internal sealed class GroupRepair
{
    private readonly IndexedProblem p;
    private readonly List<int>[] groups;
    private readonly int[] load;
    private readonly bool[] leaderRequired;

    private GroupRepair(IndexedProblem p, IEnumerable<IEnumerable<int>> start, bool[] leaderRequired)
    {
        this.p = p;
        this.leaderRequired = leaderRequired;
        groups = start.Select(g => g.ToList()).ToArray();
        load = new int[p.R];
    }

    /// <summary>Repairs the groups; true when every hard rule holds afterwards.</summary>
    public static (List<int>[] Groups, bool Feasible) Run(IndexedProblem p, IEnumerable<IEnumerable<int>> start, bool[] leaderRequired)
    {
        var repair = new GroupRepair(p, start, leaderRequired);
        repair.DropInvalidSeats();
        for (var a = 0; a < p.A; a++)
            while (repair.groups[a].Count < p.K && (repair.FillDirect(a) || repair.FillByEjection(a))) { }
        for (var a = 0; a < p.A; a++)
            if (leaderRequired[a] && !repair.HasEligible(a)) _ = repair.LeaderDirect(a) || repair.LeaderBySwap(a);
        var feasible = Enumerable.Range(0, p.A).All(a => repair.groups[a].Count == p.K && (!leaderRequired[a] || repair.HasEligible(a)));
        return (repair.groups, feasible);
    }

    /// <summary>Only drops the seats that break a hard rule (conflict, repetition, same employer, over load, extra members).</summary>
    public static List<int>[] ValidSeats(IndexedProblem p, IEnumerable<IEnumerable<int>> start)
    {
        var repair = new GroupRepair(p, start, new bool[p.A]);
        repair.DropInvalidSeats();
        return repair.groups;
    }

    private void DropInvalidSeats()
    {
        for (var a = 0; a < p.A; a++)
        {
            var kept = new List<int>();
            foreach (var r in groups[a])
                if (r >= 0 && r < p.R && p.Available(a, r) && !kept.Contains(r) && EmployerFree(kept, r, -1) && kept.Count < p.K)
                    kept.Add(r);
            groups[a] = kept;
            foreach (var r in kept) load[r]++;
        }
        for (var r = 0; r < p.R; r++)
        {
            while (load[r] > p.Capacity[r])
            {
                var worst = Enumerable.Range(0, p.A).Where(a => groups[a].Contains(r)).MaxBy(a => p.Cost(a, r));
                groups[worst].Remove(r);
                load[r]--;
            }
        }
    }

    private bool HasEligible(int a) => groups[a].Any(r => p.Eligible[r]);

    /// <summary>r may join group a in place of member <paramref name="replaced"/> (−1 for none).</summary>
    private bool Fits(int a, int r, int replaced) =>
        p.Available(a, r) && !groups[a].Contains(r) && EmployerFree(groups[a], r, replaced);

    private bool EmployerFree(List<int> members, int r, int replaced) =>
        p.Employer[r] < 0 || !members.Any(m => m != replaced && p.Employer[m] == p.Employer[r]);

    private long SeatCost(int a, int r, int replaced) =>
        p.Cost(a, r) + (long)p.RegionPenalty * (p.Region[r] < 0 ? 0 : groups[a].Count(m => m != replaced && p.Region[m] == p.Region[r]));

    private bool FillDirect(int a)
    {
        var best = -1;
        long bestCost = long.MaxValue;
        for (var r = 0; r < p.R; r++)
        {
            if (load[r] >= p.Capacity[r] || !Fits(a, r, -1)) continue;
            var c = SeatCost(a, r, -1);
            if (c < bestCost) (best, bestCost) = (r, c);
        }
        if (best < 0) return false;
        groups[a].Add(best);
        load[best]++;
        return true;
    }

    /// <summary>Moves a reviewer r from group b to a, and refills b with a reviewer s who still has capacity.</summary>
    private bool FillByEjection(int a)
    {
        for (var b = 0; b < p.A; b++)
        {
            if (b == a) continue;
            foreach (var r in groups[b])
            {
                if (!Fits(a, r, -1)) continue;
                for (var s = 0; s < p.R; s++)
                {
                    if (load[s] >= p.Capacity[s] || !Fits(b, s, r)) continue;
                    if (leaderRequired[b] && p.Eligible[r] && !p.Eligible[s] && groups[b].Count(m => p.Eligible[m]) == 1) continue;
                    groups[b][groups[b].IndexOf(r)] = s;
                    groups[a].Add(r);
                    load[s]++;
                    return true;
                }
            }
        }
        return false;
    }

    private bool LeaderDirect(int a)
    {
        (int In, int Out, long Delta) best = (-1, -1, long.MaxValue);
        for (var r = 0; r < p.R; r++)
        {
            if (!p.Eligible[r] || load[r] >= p.Capacity[r]) continue;
            foreach (var m in groups[a])
            {
                if (!Fits(a, r, m)) continue;
                var delta = SeatCost(a, r, m) - p.Cost(a, m);
                if (delta < best.Delta) best = (r, m, delta);
            }
        }
        if (best.In < 0) return false;
        groups[a][groups[a].IndexOf(best.Out)] = best.In;
        load[best.Out]--;
        load[best.In]++;
        return true;
    }

    /// <summary>An eligible member r of group b swaps places with a member m of group a.</summary>
    private bool LeaderBySwap(int a)
    {
        for (var b = 0; b < p.A; b++)
        {
            if (b == a) continue;
            foreach (var r in groups[b])
            {
                if (!p.Eligible[r] || (leaderRequired[b] && groups[b].Count(x => p.Eligible[x]) == 1)) continue;
                foreach (var m in groups[a])
                {
                    if (!Fits(a, r, m) || !Fits(b, m, r)) continue;
                    groups[a][groups[a].IndexOf(m)] = r;
                    groups[b][groups[b].IndexOf(r)] = m;
                    return true;
                }
            }
        }
        return false;
    }
}
