namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// The problem in dense int indices for the solvers: applications 0..A−1, reviewers 0..R−1, the expertise cost
/// of every pair computed once (−1 marks a conflicted pair), employers and regions as small ints (−1 = unknown).
/// </summary>
internal sealed class IndexedProblem
{
    public AssignmentProblem Source { get; }
    public int A { get; }
    public int R { get; }
    public int K { get; }
    public int RegionPenalty { get; }
    /// <summary>Load cap per reviewer, clipped to [0, A].</summary>
    public int[] Capacity { get; }
    public int[] Employer { get; }
    public int[] Region { get; }
    public bool[] Eligible { get; }
    public Dictionary<Guid, int> AppIndex { get; }
    public Dictionary<Guid, int> ReviewerIndex { get; }
    private readonly int[] cost;

    public IndexedProblem(AssignmentProblem problem)
    {
        Source = problem;
        A = problem.Applications.Count;
        R = problem.Reviewers.Count;
        K = problem.GroupSize;
        RegionPenalty = Math.Max(problem.SameRegionPairPenalty, 0);
        AppIndex = IndexOf(problem.Applications.Select(a => a.Id), "申报组织");
        ReviewerIndex = IndexOf(problem.Reviewers.Select(r => r.Id), "评审员");
        Capacity = problem.Reviewers.Select(r => Math.Clamp(r.Capacity, 0, A)).ToArray();
        Employer = Codes(problem.Reviewers.Select(r => r.EmployerKey));
        Region = Codes(problem.Reviewers.Select(r => r.RegionCode));
        Eligible = problem.Reviewers.Select(r => r.LeaderEligible).ToArray();
        cost = new int[(long)A * R];
        for (var a = 0; a < A; a++)
        {
            var app = problem.Applications[a];
            for (var r = 0; r < R; r++)
            {
                var c = problem.MatchCost(problem.Reviewers[r], app);
                if (c < 0) throw new ArgumentException($"专业匹配代价不能为负数（评审员{problem.Reviewers[r].Name}、「{app.Name}」）。", nameof(problem));
                cost[(long)a * R + r] = c;
            }
        }
        foreach (var c in problem.Conflicts)
            if (AppIndex.TryGetValue(c.ApplicationId, out var a) && ReviewerIndex.TryGetValue(c.ReviewerId, out var r))
                cost[(long)a * R + r] = -1;
    }

    /// <summary>The expertise cost, or −1 for a conflicted pair.</summary>
    public int Cost(int a, int r) => cost[(long)a * R + r];

    /// <summary>Not conflicted and the reviewer has some capacity at all.</summary>
    public bool Available(int a, int r) => Capacity[r] > 0 && cost[(long)a * R + r] >= 0;

    public AssignmentApplication App(int a) => Source.Applications[a];

    public AssignmentReviewer Reviewer(int r) => Source.Reviewers[r];

    /// <summary>A leader-eligible reviewer is available for the application, so its group must have a 组长.</summary>
    public bool LeaderRequired(int a)
    {
        for (var r = 0; r < R; r++) if (Eligible[r] && Available(a, r)) return true;
        return false;
    }

    /// <summary>Available reviewers of an application, cheapest first; ties broken by a seeded hash.</summary>
    public int[] RankedCandidates(int a, int seed)
    {
        var list = new List<int>();
        for (var r = 0; r < R; r++) if (Available(a, r)) list.Add(r);
        var keys = list.Select(r => ((long)Cost(a, r) << 32) | (uint)Mix(seed, a, r)).ToArray();
        var arr = list.ToArray();
        Array.Sort(keys, arr);
        return arr;
    }

    /// <summary>Objective of groups given as reviewer indices: expertise costs plus the region pair penalty.</summary>
    public long Objective(IReadOnlyList<IReadOnlyList<int>> groups)
    {
        long total = 0;
        for (var a = 0; a < groups.Count; a++)
        {
            foreach (var r in groups[a]) total += Math.Max(Cost(a, r), 0);
            total += (long)RegionPenalty * SameRegionPairs(groups[a]);
        }
        return total;
    }

    public int SameRegionPairs(IEnumerable<int> members) =>
        members.Where(r => Region[r] >= 0).GroupBy(r => Region[r]).Sum(g => g.Count() * (g.Count() - 1) / 2);

    /// <summary>Turns index groups into a solution; the 组长 is chosen by <paramref name="leaderOf"/>.</summary>
    public AssignmentSolution ToSolution(IReadOnlyList<IReadOnlyList<int>> groups, Func<int, int?> leaderOf) =>
        new(groups.Select((g, a) => new AssignmentGroup(App(a).Id, g.Select(r => Reviewer(r).Id).ToList(),
            leaderOf(a) is { } l ? Reviewer(l).Id : null)).ToList());

    private static int Mix(int seed, int a, int r)
    {
        unchecked
        {
            var h = (uint)seed * 0x9E3779B1u ^ (uint)a * 0x85EBCA77u ^ (uint)r * 0xC2B2AE3Du;
            h ^= h >> 15; h *= 0x2C1B3C6Du; h ^= h >> 12;
            return (int)(h & 0x7FFFFFFF);
        }
    }

    private static Dictionary<Guid, int> IndexOf(IEnumerable<Guid> ids, string what)
    {
        var index = new Dictionary<Guid, int>();
        foreach (var id in ids)
            if (!index.TryAdd(id, index.Count)) throw new ArgumentException($"{what}编号 {id} 重复出现。");
        return index;
    }

    private static int[] Codes(IEnumerable<string> keys)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        return keys.Select(k => string.IsNullOrWhiteSpace(k) ? -1 : map.TryGetValue(k.Trim(), out var v) ? v : map[k.Trim()] = map.Count).ToArray();
    }
}
