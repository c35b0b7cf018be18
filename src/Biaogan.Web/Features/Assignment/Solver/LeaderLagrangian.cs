using System.Diagnostics;

namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// Lagrangian prices of the 组长 rule on the flow core: every cost is multiplied by <see cref="Scale"/> and each
/// non-eligible member of application a costs <see cref="Penalty"/>[a] more (0 where no 组长 is required).
/// </summary>
internal sealed record LeaderPrices(int Scale, long[] Penalty);

/// <summary>
/// A lower bound that prices the 组长 rule into the flow core (docs/decisions/0051). The rule "at least one eligible
/// member in each group a that needs a 组长" is moved into the objective with a multiplier μ_a ≥ 0:
/// L(μ) = min over flow-core plans of Σ cost + Σ_a μ_a (1 − eligible members of a). Every plan that keeps the rule
/// pays at most its own objective there (the bracket is ≤ 0), and every plan of the full model is a flow-core plan,
/// so L(μ) ≤ the optimum for every μ ≥ 0 — the bound shown is a proof at every iteration, however far the search of
/// the multipliers got. Because every group has exactly k members, −μ_a × eligible = μ_a × (non-eligible) − k μ_a,
/// so the priced flow only adds μ_a to non-eligible pairs (arc costs stay ≥ 0) and the constant Σ μ_a (1 − k) is
/// added back. The multipliers follow a subgradient search with Polyak steps towards the best plan's objective.
/// </summary>
internal static class LeaderLagrangian
{
    /// <summary>Costs are scaled so that multipliers of a fraction of a cost unit stay integers in the flow.</summary>
    public const int Scale = 16;

    /// <summary>Iterations at most (each one min-cost flow), whatever the time budget.</summary>
    public const int MaxIterations = 60;

    /// <summary>Iterations after which a priced value still below the bound already proven ends the search.</summary>
    public const int GiveUpAfter = 6;

    /// <summary>Iterations without a better bound before the step is halved.</summary>
    private const int Patience = 3;

    /// <summary>The best bound found, rounded up (the objective is an integer); never below <paramref name="start"/>.</summary>
    /// <param name="start">A bound already proven (the flow bound): returned when the prices find nothing higher.</param>
    /// <param name="upper">The objective of a plan keeping every rule: the search stops when the bound reaches it.</param>
    /// <param name="budget">Wall-clock budget; the flow of the iteration under way is finished.</param>
    /// <param name="improved">Receives every higher bound as it is found.</param>
    /// <returns>The bound, the number of flows solved, and the last priced flow's groups (a plan that weighs the
    /// 组长 rule against the costs, short where a bypass was used: material for a warm start, not a plan).</returns>
    public static (long Bound, int Iterations, List<int>[]? Groups) Search(IndexedProblem p, bool[] leaderRequired, long start, long upper,
        TimeSpan budget, Action<long>? improved, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var best = start;
        List<int>[]? groups = null;
        if (!leaderRequired.Any(x => x) || p.K < 1) return (best, 0, groups);
        var pruning = FlowPruning.Cheapest(p, Math.Max(10 * p.K, 50));
        var mu = new double[p.A];
        var penalty = new long[p.A];
        var step = 1.0;
        var bestValue = double.MinValue;
        var stalled = 0;
        var iterations = 0;
        while (iterations < MaxIterations && best < upper && (iterations == 0 || clock.Elapsed < budget))
        {
            ct.ThrowIfCancellationRequested();
            for (var a = 0; a < p.A; a++) penalty[a] = leaderRequired[a] ? (long)Math.Floor(mu[a] * Scale) : 0;
            var (flow, bypassed) = AssignmentFlow.Priced(p, pruning, new LeaderPrices(Scale, penalty));
            iterations++;
            if (flow.Seats < p.Source.Demand) break; // cannot happen once the flow core filled every seat; no bound then
            groups = flow.Groups;
            var scaled = flow.Cost + penalty.Sum() * (1 - p.K);
            var value = (double)scaled / Scale;
            var bound = CeilingDivide(scaled, Scale);
            if (bound > best)
            {
                best = bound;
                improved?.Invoke(best);
            }
            if (value > bestValue + 1e-9) (bestValue, stalled) = (value, 0);
            else if (++stalled >= Patience) (step, stalled) = (step / 2, 0);
            if (step < 1e-3) break;
            // Where the leader-slot flow already proved a much higher bound (case B), the prices climb from the flow
            // core's cost for many flows before they could pass it: give up early rather than spend the search's time.
            if (iterations >= GiveUpAfter && bestValue < start) break;

            // Subgradient 1 − (eligible members); an application that used its bypass is left alone this round
            // (its members are not known) and gets its next cost level of real arcs.
            var skip = bypassed.ToHashSet();
            var g = new int[p.A];
            long norm = 0;
            for (var a = 0; a < p.A; a++)
            {
                if (!leaderRequired[a] || skip.Contains(a)) continue;
                g[a] = 1 - flow.Groups[a].Count(r => p.Eligible[r]);
                if (g[a] < 0 && mu[a] <= 0) g[a] = 0;
                norm += (long)g[a] * g[a];
            }
            if (norm == 0 && skip.Count == 0) break; // every group holds exactly one eligible member: L(μ) is the dual optimum
            if (norm > 0)
            {
                var length = step * Math.Max(upper - value, 1.0 / Scale) / norm;
                for (var a = 0; a < p.A; a++) if (g[a] != 0) mu[a] = Math.Max(0, mu[a] + length * g[a]);
            }
            pruning.Widen(p, bypassed);
        }
        return (best, iterations, groups);
    }

    private static long CeilingDivide(long value, long divisor) =>
        value >= 0 ? (value + divisor - 1) / divisor : -(-value / divisor);
}
