using System.Diagnostics;
using Google.OrTools.Sat;

namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// Assigns expert groups (评审专家组): feasibility check → min-cost-flow core (optimal without the region and 组长
/// rules; its cost is the flow bound) → repair to the hard group rules → CP-SAT on the full model, warm-started with
/// the repaired flow solution, under a time limit. Pure: no database, no clock but a stopwatch for the progress.
/// </summary>
public static partial class AssignmentSolver
{
    public static AssignmentResult Solve(AssignmentProblem problem, SolverOptions? options = null,
        IProgress<SolverProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new SolverOptions();
        var report = new ProgressReporter(progress);
        report.Phase(SolverPhase.CheckingFeasibility, "正在检查可行性……");
        var p = new IndexedProblem(problem);
        var notices = AssignmentFeasibility.Notices(p);
        var problems = AssignmentFeasibility.Check(p);
        if (problems.Count > 0) return Unsolved(report, AssignmentStatus.Infeasible, problems, notices, null, Empty);
        cancellationToken.ThrowIfCancellationRequested();

        report.Phase(SolverPhase.FlowCore, "正在求解最小费用流（暂不考虑同地区与组长规则）……");
        var flowClock = Stopwatch.StartNew();
        var flow = AssignmentFlow.Solve(p);
        var flowTime = flowClock.Elapsed;
        if (flow.Seats < problem.Demand)
            return Unsolved(report, AssignmentStatus.Infeasible, AssignmentFeasibility.Shortfalls(p, flow), notices, null,
                Empty with { FlowTime = flowTime });
        report.Phase(SolverPhase.Repair, $"最小费用流完成，专业匹配代价下界 {flow.Cost}；正在按分组规则修复初始方案……", bound: flow.Cost);
        cancellationToken.ThrowIfCancellationRequested();

        var leaderRequired = Enumerable.Range(0, p.A).Select(p.LeaderRequired).ToArray();
        var (warm, warmFeasible) = GroupRepair.Run(p, flow.Groups, leaderRequired);
        long? warmObjective = warmFeasible ? p.Objective(warm) : null;
        var (input, complete) = FullModel(p, options, warm, leaderRequired);
        report.SearchBoundIsGlobal = complete;
        report.Phase(SolverPhase.Search, warmFeasible
            ? $"初始方案目标值 {warmObjective}；正在用 CP-SAT 改进（时间限制 {options.TimeLimit.TotalSeconds:0} 秒）……"
            : $"初始方案未能满足全部分组规则；正在用 CP-SAT 搜索（时间限制 {options.TimeLimit.TotalSeconds:0} 秒）……",
            objective: warmObjective, bound: flow.Cost);
        var outcome = GroupModel.Solve(p, input, options, report.Solution, cancellationToken);

        var statistics = new SolverStatistics(flowTime, outcome.WallTime, outcome.Variables, complete,
            warmFeasible, warmObjective, outcome.Solutions, outcome.Status.ToString().ToUpperInvariant(),
            outcome.Groups is null ? null : outcome.Bound);
        var best = Better(p, outcome.Groups, warmFeasible ? warm : null);
        if (best is null)
        {
            var reason = outcome.Status == CpSolverStatus.Infeasible && complete
                ? new AssignmentIssue(null, "在回避、负荷上限、同单位不同组和组长资格的要求下不存在可行方案，请增加评审员（尤其是具备组长资格的评审员）或提高负荷上限。")
                : new AssignmentIssue(null, $"在 {options.TimeLimit.TotalSeconds:0} 秒内未找到满足全部规则的方案，请延长时间限制或增加候选评审员数量后重试。");
            var status = outcome.Status == CpSolverStatus.Infeasible && complete ? AssignmentStatus.Infeasible : AssignmentStatus.NotSolved;
            return Unsolved(report, status, [reason], notices, flow.Cost, statistics);
        }

        var lowerBound = complete && outcome.Groups is not null ? Math.Max(flow.Cost, outcome.Bound) : flow.Cost;
        return Finish(report, problem, p.ToSolution(best, LeaderChoice.Pick(p, best, null)), notices, flow.Cost, lowerBound,
            complete && outcome.Status == CpSolverStatus.Optimal && ReferenceEquals(best, outcome.Groups), statistics);
    }

    private static readonly SolverStatistics Empty = new(TimeSpan.Zero, TimeSpan.Zero, 0, false, false, null, 0, "", null);

    /// <summary>
    /// The CP-SAT input over every application: for each the cheapest usable reviewers (a seeded hash breaks ties),
    /// the warm-start and kept members, and the cheapest eligible 组长 candidates when none is among them.
    /// </summary>
    private static (GroupModelInput Input, bool Complete) FullModel(IndexedProblem p, SolverOptions options,
        IReadOnlyList<List<int>> warm, bool[] leaderRequired, IReadOnlyDictionary<long, long>? keepBonus = null,
        IReadOnlyList<List<int>>? keep = null)
    {
        var count = options.CandidateCount(p.A, p.R, p.K);
        var candidates = new int[p.A][];
        var complete = true;
        for (var a = 0; a < p.A; a++)
        {
            var ranked = p.RankedCandidates(a, options.Seed);
            var chosen = new HashSet<int>(ranked.Take(count));
            chosen.UnionWith(warm[a]);
            if (keep is not null) chosen.UnionWith(keep[a]);
            if (leaderRequired[a] && !chosen.Any(r => p.Eligible[r]))
                chosen.UnionWith(ranked.Where(r => p.Eligible[r]).Take(2));
            complete &= chosen.Count >= ranked.Length;
            candidates[a] = chosen.ToArray();
        }
        var hint = new HashSet<long>(warm.SelectMany((g, a) => g.Select(r => GroupModel.Key(p, a, r))));
        var apps = Enumerable.Range(0, p.A).ToArray();
        return (new(apps, apps.Select(_ => Array.Empty<int>()).ToArray(), candidates, p.Capacity, leaderRequired, keepBonus, hint), complete);
    }

    /// <summary>The search's solution, or the warm start when the search found none or a worse one.</summary>
    private static List<int>[]? Better(IndexedProblem p, List<int>[]? searched, List<int>[]? warm) =>
        searched is null ? warm : warm is null || p.Objective(searched) <= p.Objective(warm) ? searched : warm;

    private static AssignmentResult Finish(ProgressReporter report, AssignmentProblem problem, AssignmentSolution solution,
        IReadOnlyList<AssignmentIssue> notices, long? flowBound, double? lowerBound, bool provedOptimal, SolverStatistics statistics)
    {
        var check = AssignmentChecker.Check(problem, solution);
        if (!check.IsFeasible)
            throw new InvalidOperationException("求解结果未通过规则检查：" + string.Join("；", check.Violations.Select(v => v.Description)));
        var optimal = provedOptimal || (lowerBound is { } lb && check.Objective <= lb + 1e-6);
        var result = new AssignmentResult(optimal ? AssignmentStatus.Optimal : AssignmentStatus.Feasible, solution, check, [],
            notices, check.Objective, flowBound, lowerBound, statistics);
        report.Phase(SolverPhase.Finished, result.Summary, statistics.Solutions, check.Objective, lowerBound);
        return result;
    }

    private static AssignmentResult Unsolved(ProgressReporter report, AssignmentStatus status, IReadOnlyList<AssignmentIssue> problems,
        IReadOnlyList<AssignmentIssue> notices, long? flowBound, SolverStatistics statistics)
    {
        var result = new AssignmentResult(status, null, null, problems, notices, null, flowBound, flowBound, statistics);
        report.Phase(SolverPhase.Finished, result.Summary, statistics.Solutions, null, flowBound);
        return result;
    }

    /// <summary>Turns the solver's events into <see cref="SolverProgress"/> reports with the elapsed time.</summary>
    private sealed class ProgressReporter(IProgress<SolverProgress>? progress)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private double? bound;

        /// <summary>CP-SAT's bound bounds the whole problem only when its model holds every usable pair.</summary>
        public bool SearchBoundIsGlobal { get; set; }

        public void Phase(SolverPhase phase, string message, int solutions = 0, long? objective = null, double? bound = null)
        {
            this.bound = bound ?? this.bound;
            progress?.Report(new(phase, message, solutions, objective, this.bound, clock.Elapsed));
        }

        public void Solution(int count, double objective, double searchBound)
        {
            var best = SearchBoundIsGlobal ? Math.Max(bound ?? double.MinValue, searchBound) : bound;
            progress?.Report(new(SolverPhase.Search, $"已找到 {count} 个方案，当前最好目标值 {objective:0}，搜索下界 {searchBound:0.##}。",
                count, (long)Math.Round(objective), best, clock.Elapsed));
        }
    }
}
