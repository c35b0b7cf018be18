using System.Globalization;
using Google.OrTools.Sat;

namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>What CP-SAT is asked: a subset of applications, each with fixed members and free candidates.</summary>
/// <param name="Apps">Application indices in the model.</param>
/// <param name="Fixed">Per model application: members that stay (counted, not decided).</param>
/// <param name="Candidates">Per model application: reviewers CP-SAT may add.</param>
/// <param name="Capacity">Per reviewer: seats still available for the free candidates.</param>
/// <param name="LeaderRequired">Per application (all of them): the group must hold a leader-eligible member.</param>
/// <param name="KeepBonus">Pair key (a·R + r) → amount subtracted from the objective when the pair is kept.</param>
/// <param name="Hint">Pair keys to hint as chosen (all other candidates are hinted as not chosen).</param>
internal sealed record GroupModelInput(
    int[] Apps,
    int[][] Fixed,
    int[][] Candidates,
    int[] Capacity,
    bool[] LeaderRequired,
    IReadOnlyDictionary<long, long>? KeepBonus,
    IReadOnlySet<long>? Hint);

/// <summary>CP-SAT's answer: the groups of the model applications (fixed + chosen) when a solution was found.</summary>
internal sealed record GroupModelOutcome(
    CpSolverStatus Status, List<int>[]? Groups, double Objective, double Bound, int Solutions, TimeSpan WallTime, int Variables);

/// <summary>
/// The full model in CP-SAT: x(a,r) = 1 when reviewer r sits in a's group. Per group: exactly k members, at most one
/// per employer, at least one leader-eligible member where a 组长 is required (the 组长 is then picked among them:
/// the leader carries no cost, so that is the whole of the leader choice). Per reviewer: load ≤ cap. Objective:
/// Σ cost·x + penalty · Σ same-region pairs, where pairs(c) = c(c−1)/2 for c members of one region is convex and
/// is modelled exactly by p ≥ (t−1)·c − t(t−1)/2 for t = 2..k (p is minimised).
/// </summary>
internal static class GroupModel
{
    /// <param name="stopAt">
    /// A proven lower bound of the objective: a solution that reaches it is optimal, so the search stops there
    /// instead of running to the time limit to prove what the bound already proves.
    /// </param>
    public static GroupModelOutcome Solve(IndexedProblem p, GroupModelInput input, SolverOptions options,
        Action<int, double, double> onSolution, CancellationToken ct, long? stopAt = null)
    {
        var model = new CpModel();
        var objective = LinearExpr.NewBuilder();
        var seats = new List<(int Slot, int R, BoolVar X)>();
        var byReviewer = new List<BoolVar>?[p.R];
        for (var slot = 0; slot < input.Apps.Length; slot++)
            AddGroup(model, p, input, slot, objective, seats, byReviewer);
        for (var r = 0; r < p.R; r++)
            if (byReviewer[r] is { Count: > 0 } xs && xs.Count > input.Capacity[r])
                model.AddLinearConstraint(LinearExpr.Sum(xs), 0, input.Capacity[r]);
        foreach (var (slot, r, x) in seats)
            model.AddHint(x, input.Hint?.Contains(Key(p, input.Apps[slot], r)) == true ? 1 : 0);
        model.Minimize(objective);

        using var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{options.TimeLimit.TotalSeconds:0.###} num_workers:{options.WorkerCount} random_seed:{options.Seed}"),
        };
        // StopSearch is ignored before Solve has started, so the callbacks also look at the token.
        var callback = new SolutionReporter(onSolution, ct, stopAt);
        solver.SetBestBoundCallback(_ => { if (ct.IsCancellationRequested) solver.StopSearch(); });
        CpSolverStatus status;
        ct.ThrowIfCancellationRequested();
        using (ct.Register(solver.StopSearch)) status = solver.Solve(model, callback);
        ct.ThrowIfCancellationRequested();

        List<int>[]? groups = null;
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
        {
            groups = input.Fixed.Select(f => f.ToList()).ToArray();
            foreach (var (slot, r, x) in seats)
                if (solver.BooleanValue(x)) groups[slot].Add(r);
        }
        var found = groups is null ? (double.NaN, double.NaN) : (solver.ObjectiveValue, solver.BestObjectiveBound);
        return new(status, groups, found.Item1, found.Item2, callback.Count,
            TimeSpan.FromSeconds(solver.WallTime()), seats.Count);
    }

    internal static long Key(IndexedProblem p, int a, int r) => (long)a * p.R + r;

    private static void AddGroup(CpModel model, IndexedProblem p, GroupModelInput input, int slot,
        LinearExprBuilder objective, List<(int, int, BoolVar)> seats, List<BoolVar>?[] byReviewer)
    {
        var a = input.Apps[slot];
        var fixedMembers = input.Fixed[slot];
        var fixedEmployers = fixedMembers.Select(r => p.Employer[r]).Where(e => e >= 0).ToHashSet();
        var free = input.Candidates[slot].Distinct()
            .Where(r => p.Available(a, r) && input.Capacity[r] > 0 && !fixedMembers.Contains(r) && !fixedEmployers.Contains(p.Employer[r]))
            .ToArray();
        var xs = new BoolVar[free.Length];
        for (var i = 0; i < free.Length; i++)
        {
            var r = free[i];
            xs[i] = model.NewBoolVar($"x{a}_{r}");
            seats.Add((slot, r, xs[i]));
            (byReviewer[r] ??= []).Add(xs[i]);
            var bonus = input.KeepBonus?.GetValueOrDefault(Key(p, a, r)) ?? 0;
            objective.AddTerm(xs[i], p.Cost(a, r) - bonus);
        }
        foreach (var r in fixedMembers) objective.Add(Math.Max(p.Cost(a, r), 0) - (input.KeepBonus?.GetValueOrDefault(Key(p, a, r)) ?? 0));

        var need = p.K - fixedMembers.Length;
        model.AddLinearConstraint(LinearExpr.Sum(xs), need, need);

        foreach (var sameEmployer in Enumerable.Range(0, free.Length).Where(i => p.Employer[free[i]] >= 0)
                     .GroupBy(i => p.Employer[free[i]]).Where(g => g.Count() > 1))
            model.AddLinearConstraint(LinearExpr.Sum(sameEmployer.Select(i => xs[i])), 0, 1);

        if (input.LeaderRequired[a] && !fixedMembers.Any(r => p.Eligible[r]))
            model.AddLinearConstraint(LinearExpr.Sum(Enumerable.Range(0, free.Length).Where(i => p.Eligible[free[i]]).Select(i => xs[i])),
                1, long.MaxValue);

        if (p.RegionPenalty > 0)
        {
            var hinted = free.Select(r => input.Hint?.Contains(Key(p, a, r)) == true).ToArray();
            AddRegionPenalty(model, p, fixedMembers, free, xs, hinted, objective);
        }
    }

    /// <summary>The pair counts are hinted too: CP-SAT repairs an incomplete hint slowly, or not at all.</summary>
    private static void AddRegionPenalty(CpModel model, IndexedProblem p, int[] fixedMembers, int[] free, BoolVar[] xs,
        bool[] hinted, LinearExprBuilder objective)
    {
        var fixedByRegion = fixedMembers.Where(r => p.Region[r] >= 0).GroupBy(r => p.Region[r]).ToDictionary(g => g.Key, g => g.Count());
        var freeByRegion = Enumerable.Range(0, free.Length).Where(i => p.Region[free[i]] >= 0)
            .GroupBy(i => p.Region[free[i]]).ToDictionary(g => g.Key, g => g.Select(i => xs[i]).ToArray());
        foreach (var region in fixedByRegion.Keys.Union(freeByRegion.Keys))
        {
            var c0 = fixedByRegion.GetValueOrDefault(region);
            var vars = freeByRegion.GetValueOrDefault(region) ?? [];
            if (vars.Length == 0)
            {
                objective.Add((long)p.RegionPenalty * (c0 * (c0 - 1) / 2));
                continue;
            }
            var top = Math.Min(c0 + vars.Length, p.K);
            if (top < 2) continue;
            // count = Σx of this region; each tangent line then has two terms instead of one per candidate.
            var count = model.NewIntVar(0, Math.Min(vars.Length, p.K), "regionCount");
            model.AddLinearConstraint(LinearExpr.NewBuilder().AddSum(vars).AddTerm(count, -1), 0, 0);
            var pairs = model.NewIntVar(0, top * (top - 1) / 2, "regionPairs");
            var hintedFree = Enumerable.Range(0, free.Length).Count(i => hinted[i] && p.Region[free[i]] == region);
            var hintedTotal = Math.Min(c0 + hintedFree, top);
            model.AddHint(count, hintedFree);
            model.AddHint(pairs, hintedTotal * (hintedTotal - 1) / 2);
            for (var t = 2; t <= top; t++)
            {
                // (t−1)·(c0 + count) − t(t−1)/2 ≤ pairs
                var lhs = LinearExpr.NewBuilder().AddTerm(count, t - 1).AddTerm(pairs, -1);
                model.AddLinearConstraint(lhs, long.MinValue, t * (t - 1) / 2 - (long)(t - 1) * c0);
            }
            objective.AddTerm(pairs, p.RegionPenalty);
        }
    }

    private sealed class SolutionReporter(Action<int, double, double> report, CancellationToken ct, long? stopAt) : CpSolverSolutionCallback
    {
        public int Count { get; private set; }

        public override void OnSolutionCallback()
        {
            if (ct.IsCancellationRequested)
            {
                StopSearch();
                return;
            }
            Count++;
            report(Count, ObjectiveValue(), BestObjectiveBound());
            if (stopAt is { } bound && ObjectiveValue() <= bound + 1e-6) StopSearch();
        }
    }
}
