using Google.OrTools.Sat;

namespace Biaogan.Web.Features.Assignment.Solver;

public static partial class AssignmentSolver
{
    /// <summary>
    /// Re-solves after reviewers decline or leave, keeping the plan stable: first every other seat stays fixed
    /// (hard) and only the gaps are filled; only when that is impossible are kept seats allowed to move, each move
    /// costing <see cref="SolverOptions.ChangePenalty"/>. A 组长 who is still in the group stays 组长.
    /// </summary>
    /// <param name="previous">The plan in force; seats that break a rule of the changed problem are freed too.</param>
    /// <param name="changes">Declines (the pair becomes a conflict) and departures (capacity 0).</param>
    public static ResolveResult Resolve(AssignmentProblem problem, AssignmentSolution previous, IReadOnlyList<AssignmentChange> changes,
        SolverOptions? options = null, IProgress<SolverProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new SolverOptions();
        var report = new ProgressReporter(progress) { SearchBoundIsGlobal = false };
        report.Phase(SolverPhase.CheckingFeasibility, "正在应用变更并检查可行性……");
        var effective = Apply(problem, changes);
        var p = new IndexedProblem(effective);
        var (previousGroups, previousLeaders) = Indexed(p, previous);
        var kept = GroupRepair.ValidSeats(p, previousGroups);
        var freed = previousGroups.Sum(g => g.Count) - kept.Sum(g => g.Count);
        var notices = AssignmentFeasibility.Notices(p);
        var problems = AssignmentFeasibility.Check(p);
        if (problems.Count > 0)
            return new(Unsolved(report, AssignmentStatus.Infeasible, problems, notices, null, Empty), effective, freed, 0, 0, 0);
        cancellationToken.ThrowIfCancellationRequested();

        var leaderRequired = Enumerable.Range(0, p.A).Select(p.LeaderRequired).ToArray();
        report.Phase(SolverPhase.Search, $"有 {freed} 个席位需要补齐，正在保持其余分配不变的前提下求解……");
        var (groups, outcome) = FillGaps(p, kept, leaderRequired, options, report, cancellationToken);
        var complete = true;
        if (groups is null)
        {
            report.Phase(SolverPhase.Search, "保持其余分配不变时无法补齐空缺，正在允许少量调整后重新求解……");
            var bonus = kept.SelectMany((g, a) => g.Select(r => GroupModel.Key(p, a, r))).ToDictionary(k => k, _ => (long)options.ChangePenalty);
            var (warm, _) = GroupRepair.Run(p, kept, leaderRequired);
            (var candidates, complete) = CandidateSets.Build(p, options, leaderRequired, warm, kept);
            var input = ModelInput(p, candidates, leaderRequired, warm, bonus);
            report.ObjectiveOffset = bonus.Values.Sum();
            outcome = GroupModel.Solve(p, input, options, report.Solution, cancellationToken);
            groups = outcome.Groups;
        }

        var statistics = Empty with
        {
            SearchTime = outcome.WallTime, CandidatePairs = outcome.Variables, CompleteModel = complete,
            Solutions = outcome.Solutions, SearchStatus = outcome.Status.ToString().ToUpperInvariant(),
        };
        if (groups is null)
        {
            var reason = new AssignmentIssue(null, outcome.Status == CpSolverStatus.Infeasible
                ? "允许调整原有分配后仍无法补齐空缺，请增加评审员（尤其是具备组长资格的评审员）或提高负荷上限。"
                : $"在 {options.TimeLimit.TotalSeconds:0} 秒内未找到补齐空缺的方案，请延长时间限制后重试。");
            var status = outcome.Status == CpSolverStatus.Infeasible && complete ? AssignmentStatus.Infeasible : AssignmentStatus.NotSolved;
            return new(Unsolved(report, status, [reason], notices, null, statistics), effective, freed, 0, 0, 0);
        }

        var leaders = LeaderChoice.Pick(p, groups, previousLeaders);
        var result = Finish(report, effective, p.ToSolution(groups, leaders), notices, null, null,
            complete && outcome.Status == CpSolverStatus.Optimal, statistics);
        var before = previousGroups.SelectMany((g, a) => g.Select(r => (a, r))).ToHashSet();
        var after = groups.SelectMany((g, a) => g.Select(r => (a, r))).ToHashSet();
        var moved = kept.SelectMany((g, a) => g.Select(r => (a, r))).Count(pair => !after.Contains(pair));
        var leadersChanged = Enumerable.Range(0, p.A).Count(a => leaders(a) != previousLeaders[a]);
        return new(result, effective, freed, after.Count(pair => !before.Contains(pair)), moved, leadersChanged);
    }

    /// <summary>The problem with the changes applied: declined pairs become conflicts, leavers get capacity 0.</summary>
    public static AssignmentProblem Apply(AssignmentProblem problem, IReadOnlyList<AssignmentChange> changes)
    {
        var declined = changes.OfType<ReviewerDeclined>().Select(d => new ReviewerApplicationPair(d.ReviewerId, d.ApplicationId));
        var left = changes.OfType<ReviewerLeft>().Select(l => l.ReviewerId).ToHashSet();
        return problem with
        {
            Conflicts = problem.Conflicts.Concat(declined).Distinct().ToList(),
            Reviewers = problem.Reviewers.Select(r => left.Contains(r.Id) ? r with { Capacity = 0 } : r).ToList(),
        };
    }

    /// <summary>Hard stage: only the groups with a gap (or without a 组长 they need) are in the model; kept seats are fixed.</summary>
    private static (List<int>[]? Groups, GroupModelOutcome Outcome) FillGaps(IndexedProblem p, List<int>[] kept, bool[] leaderRequired,
        SolverOptions options, ProgressReporter report, CancellationToken ct)
    {
        var open = Enumerable.Range(0, p.A)
            .Where(a => kept[a].Count < p.K || (leaderRequired[a] && !kept[a].Any(r => p.Eligible[r]))).ToArray();
        var residual = (int[])p.Capacity.Clone();
        foreach (var r in kept.SelectMany(g => g)) residual[r]--;
        var input = new GroupModelInput(open, open.Select(a => kept[a].ToArray()).ToArray(),
            open.Select(a => p.RankedCandidates(a, options.Seed)).ToArray(), residual, leaderRequired, null, null);
        var outcome = GroupModel.Solve(p, input, options, report.Solution, ct);
        if (outcome.Groups is null) return (null, outcome);
        var groups = kept.Select(g => g.ToList()).ToArray();
        for (var i = 0; i < open.Length; i++) groups[open[i]] = outcome.Groups[i];
        return (groups, outcome);
    }

    private static (List<int>[] Groups, int?[] Leaders) Indexed(IndexedProblem p, AssignmentSolution solution)
    {
        var groups = Enumerable.Range(0, p.A).Select(_ => new List<int>()).ToArray();
        var leaders = new int?[p.A];
        foreach (var g in solution.Groups)
        {
            if (!p.AppIndex.TryGetValue(g.ApplicationId, out var a) || groups[a].Count > 0) continue;
            groups[a].AddRange(g.ReviewerIds.Where(p.ReviewerIndex.ContainsKey).Select(id => p.ReviewerIndex[id]));
            leaders[a] = g.LeaderId is { } l && p.ReviewerIndex.TryGetValue(l, out var li) ? li : null;
        }
        return (groups, leaders);
    }
}
