namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// Which pair arcs the flow core builds first. Per application only the cheapest reviewers (every tie at the cut-off
/// cost included) get real arcs; the rest are replaced by one bypass arc application → sink costing the cheapest
/// pruned pair (and, for a 组长 slot, slot → sink costing the cheapest pruned eligible pair). A bypass unit costs no
/// more than the pair it stands for, skips the region and employer layers and uses no reviewer's load cap, so every
/// flow of the full graph maps to one of the pruned graph that costs no more: the pruned optimum is a lower bound of
/// the full one. When no unit takes a bypass, the pruned optimum is also a flow of the full graph, hence its optimum.
/// The applications whose bypass was taken get the next cost level in the next round (docs/decisions/0050).
/// </summary>
internal sealed class FlowPruning
{
    /// <summary>Rounds with bypasses before the full graph is built instead.</summary>
    public const int MaxRounds = 4;

    /// <summary>Per application: the highest expertise cost that gets a real arc (int.MaxValue = every reviewer).</summary>
    public int[] Cutoff { get; }

    /// <summary>Per application: cost of the bypass arc (the cheapest pruned pair), or −1 when nothing is pruned.</summary>
    public int[] Bypass { get; }

    /// <summary>Per application: cost of the 组长 slot's bypass (the cheapest pruned eligible pair), or −1.</summary>
    public int[] LeaderBypass { get; }

    private FlowPruning(int applications)
    {
        Cutoff = new int[applications];
        Bypass = new int[applications];
        LeaderBypass = new int[applications];
    }

    /// <summary>Keeps at least <paramref name="keep"/> of the cheapest usable reviewers per application.</summary>
    public static FlowPruning Cheapest(IndexedProblem p, int keep)
    {
        var pruning = new FlowPruning(p.A);
        var costs = new int[p.R];
        for (var a = 0; a < p.A; a++)
        {
            var n = 0;
            for (var r = 0; r < p.R; r++)
                if (p.Available(a, r)) costs[n++] = p.Cost(a, r);
            pruning.Cutoff[a] = int.MaxValue;
            if (n > keep)
            {
                Array.Sort(costs, 0, n);
                if (costs[n - 1] > costs[keep - 1]) pruning.Cutoff[a] = costs[keep - 1];
            }
            pruning.SetBypass(p, a);
        }
        return pruning;
    }

    /// <summary>Whether the pair gets a real arc.</summary>
    public bool Keeps(int a, int cost) => cost <= Cutoff[a];

    /// <summary>
    /// The next cost level for these applications: real arcs up to their bypass's cost. One level at a time, because
    /// a bypass is taken whenever its free capacity beats the priced layers, not only when the cheap pairs run out.
    /// </summary>
    public void Widen(IndexedProblem p, IEnumerable<int> applications)
    {
        foreach (var a in applications)
        {
            // The bypass costs the cheapest pruned pair (the leader bypass never less), so that is the next level.
            Cutoff[a] = Bypass[a] < 0 ? int.MaxValue : Bypass[a];
            SetBypass(p, a);
        }
    }

    private void SetBypass(IndexedProblem p, int a)
    {
        Bypass[a] = LeaderBypass[a] = -1;
        if (Cutoff[a] == int.MaxValue) return;
        for (var r = 0; r < p.R; r++)
        {
            if (!p.Available(a, r)) continue;
            var c = p.Cost(a, r);
            if (c <= Cutoff[a]) continue;
            if (Bypass[a] < 0 || c < Bypass[a]) Bypass[a] = c;
            if (p.Eligible[r] && (LeaderBypass[a] < 0 || c < LeaderBypass[a])) LeaderBypass[a] = c;
        }
    }
}
