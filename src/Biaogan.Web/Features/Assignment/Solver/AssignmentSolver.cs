using System.Diagnostics;
using Google.OrTools.Sat;

namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>
/// Assigns expert groups (评审专家组): feasibility check → min-cost-flow core (optimal for a relaxation without the
/// 组长 rule) and, where the 组长 rule bites, the leader-slot relaxation; the higher of their costs is the flow bound →
/// warm start (the repaired better of the flow core's plan and a leader-slot flow on the candidate graph) → where the
/// leader-slot flow did not raise the bound, the 组长 rule priced into the flow core (a Lagrangian bound, whose plan may
/// replace the warm start) → CP-SAT on the full model, hinted with the warm start, under the rest of the time limit.
/// Pure: no database, no clock but a stopwatch.
/// </summary>
public static partial class AssignmentSolver
{
    /// <summary>Solves a problem from scratch.</summary>
    /// <param name="progress">Receives reports at each phase and for every solution CP-SAT finds (on a solver thread).</param>
    /// <param name="cancellationToken">Stops the search; the call then throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentException">Duplicate ids, or a negative expertise cost.</exception>
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

        var leaderRequired = Enumerable.Range(0, p.A).Select(p.LeaderRequired).ToArray();
        var flowClock = Stopwatch.StartNew();
        var (flow, leaderFlow, shortfalls) = Flows(p, leaderRequired, report, cancellationToken);
        var flowTime = flowClock.Elapsed;
        if (shortfalls is not null)
            return Unsolved(report, AssignmentStatus.Infeasible, shortfalls, notices, null, Empty with { FlowTime = flowTime });
        var flowBound = Math.Max(flow.Cost, leaderFlow?.Cost ?? 0);
        report.Phase(SolverPhase.Repair, $"最小费用流下界 {flowBound}；正在按分组规则构造初始方案……", bound: flowBound);
        cancellationToken.ThrowIfCancellationRequested();

        var (candidates, complete) = CandidateSets.Build(p, options, leaderRequired, flow.Groups, leaderFlow?.Groups);
        var (warm, warmFeasible, warmValue) = WarmStart.Build(p, flow, leaderRequired, candidates,
            (message, objective) => report.Phase(SolverPhase.Repair, message, objective: objective), cancellationToken, leaderFlow);
        long? warmObjective = warmFeasible ? warmValue : null;
        if (warmFeasible && warmValue <= flowBound)
        {
            // The warm start meets the flow bound: it is optimal and there is nothing left for CP-SAT to do.
            var done = Empty with { FlowTime = flowTime, CompleteModel = complete, WarmStartFeasible = true, WarmStartObjective = warmValue };
            return Finish(report, problem, p.ToSolution(warm, LeaderChoice.Pick(p, warm, null)), notices, flowBound, flowBound, true, done);
        }
        var (bound, priced, search) = leaderFlow is not null && leaderFlow.Cost > flow.Cost
            ? (flowBound, null, options) // the leader-slot flow already priced the 组长 rule higher (decision 0051)
            : PricedBound(p, leaderRequired, flowBound, warmObjective, options, report, cancellationToken);
        if (priced is not null && WarmStart.Challenge(p, priced, leaderRequired, (warm, warmValue), cancellationToken) is { } better)
        {
            (warm, warmValue, warmObjective) = (better.Groups, better.Objective, better.Objective);
            report.Phase(SolverPhase.Repair, $"计入组长规则的最小费用流方案修复后目标值 {warmValue}，作为新的初始方案。", objective: warmValue, bound: bound);
        }
        if (warmFeasible && warmValue <= bound)
        {
            // The priced bound meets the warm start: proven optimal without CP-SAT.
            var done = Empty with { FlowTime = flowTime, CompleteModel = complete, WarmStartFeasible = true, WarmStartObjective = warmValue };
            return Finish(report, problem, p.ToSolution(warm, LeaderChoice.Pick(p, warm, null)), notices, flowBound, bound, true, done);
        }
        var input = ModelInput(p, With(candidates, warm), leaderRequired, warm);
        report.SearchBoundIsGlobal = complete;
        report.Phase(SolverPhase.Search, warmFeasible
            ? $"初始方案目标值 {warmObjective}；正在用 CP-SAT 改进（时间限制 {search.TimeLimit.TotalSeconds:0} 秒）……"
            : $"初始方案未能满足全部分组规则；正在用 CP-SAT 搜索（时间限制 {search.TimeLimit.TotalSeconds:0} 秒）……",
            objective: warmObjective, bound: bound);
        var outcome = GroupModel.Solve(p, input, search, report.Solution, cancellationToken, stopAt: bound);

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
            return Unsolved(report, status, [reason], notices, flowBound, statistics);
        }

        var lowerBound = complete && outcome.Groups is not null ? Math.Max(bound, outcome.Bound) : bound;
        return Finish(report, problem, p.ToSolution(best, LeaderChoice.Pick(p, best, null)), notices, flowBound, lowerBound,
            complete && outcome.Status == CpSolverStatus.Optimal && ReferenceEquals(best, outcome.Groups), statistics);
    }

    /// <summary>
    /// The flow core, and when its plan leaves a group that needs a 组长 without an eligible member, the leader-slot
    /// relaxation too: both are lower bounds. Either one falling short of the demand proves the problem infeasible.
    /// </summary>
    private static (FlowAssignment Flow, FlowAssignment? LeaderFlow, List<AssignmentIssue>? Shortfalls) Flows(IndexedProblem p,
        bool[] leaderRequired, ProgressReporter report, CancellationToken ct)
    {
        report.Phase(SolverPhase.FlowCore, "正在求解最小费用流（含同地区惩罚和同单位限制，暂不考虑组长规则）……");
        var flow = AssignmentFlow.Solve(p);
        if (flow.Seats < p.Source.Demand) return (flow, null, AssignmentFeasibility.Shortfalls(p, flow));
        ct.ThrowIfCancellationRequested();
        var lacking = Enumerable.Range(0, p.A).Count(a => leaderRequired[a] && !flow.Groups[a].Any(r => p.Eligible[r]));
        if (lacking == 0) return (flow, null, null);

        report.Phase(SolverPhase.FlowCore, $"最小费用流完成，目标值下界 {flow.Cost}；其中 {lacking} 个专家组缺少具备组长资格的成员，" +
            "正在求解预留组长席位的最小费用流……", bound: flow.Cost);
        var leaderFlow = AssignmentFlow.Solve(p, null, leaderRequired, pairNodes: false);
        ct.ThrowIfCancellationRequested();
        return leaderFlow.Seats < p.Source.Demand
            ? (flow, leaderFlow, AssignmentFeasibility.Shortfalls(p, leaderFlow, leaders: true))
            : (flow, leaderFlow, null);
    }

    /// <summary>
    /// When the warm start keeps every rule but stays above the flow bound, the 组长 rule priced into the flow core
    /// (<see cref="LeaderLagrangian"/>) for up to half the time limit; CP-SAT gets the rest, at least half. Skipped
    /// when the leader-slot flow raised the bound: the prices would start far below it and need many flows to pass it.
    /// Returns the better bound, the last priced flow's groups and the options for the search.
    /// </summary>
    private static (long Bound, List<int>[]? Priced, SolverOptions Search) PricedBound(IndexedProblem p, bool[] leaderRequired, long flowBound,
        long? warmObjective, SolverOptions options, ProgressReporter report, CancellationToken ct)
    {
        if (warmObjective is not { } upper || upper <= flowBound || !leaderRequired.Any(x => x)) return (flowBound, null, options);
        var clock = Stopwatch.StartNew();
        report.Phase(SolverPhase.Repair, $"初始方案目标值 {upper}，下界 {flowBound}；正在把组长规则以拉格朗日乘子计入最小费用流，以求更紧的下界……",
            objective: upper, bound: flowBound);
        var (bound, _, priced) = LeaderLagrangian.Search(p, leaderRequired, flowBound, upper, options.TimeLimit / 2,
            b => report.Phase(SolverPhase.Repair, $"计入组长规则的下界提高到 {b}（初始方案目标值 {upper}）。", objective: upper, bound: b), ct);
        var rest = options.TimeLimit - clock.Elapsed;
        return (bound, priced, options with { TimeLimit = rest > options.TimeLimit / 2 ? rest : options.TimeLimit / 2 });
    }

    private static readonly SolverStatistics Empty = new(TimeSpan.Zero, TimeSpan.Zero, 0, false, false, null, 0, "", null);

    /// <summary>The CP-SAT input over every application: nothing fixed, the given candidates, the warm start as hint.</summary>
    private static GroupModelInput ModelInput(IndexedProblem p, int[][] candidates, bool[] leaderRequired, IReadOnlyList<List<int>> hint,
        IReadOnlyDictionary<long, long>? keepBonus = null)
    {
        var keys = new HashSet<long>(hint.SelectMany((g, a) => g.Select(r => GroupModel.Key(p, a, r))));
        var apps = Enumerable.Range(0, p.A).ToArray();
        return new(apps, apps.Select(_ => Array.Empty<int>()).ToArray(), candidates, p.Capacity, leaderRequired, keepBonus, keys);
    }

    /// <summary>The candidates with every member of the plan added.</summary>
    private static int[][] With(int[][] candidates, IReadOnlyList<List<int>> plan) =>
        candidates.Select((c, a) => c.Union(plan[a]).ToArray()).ToArray();

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

        /// <summary>Added to CP-SAT's objective to report the plan's own (the keep bonuses of a re-solve are negative).</summary>
        public long ObjectiveOffset { get; set; }

        public void Solution(int count, double objective, double searchBound)
        {
            var best = SearchBoundIsGlobal ? Math.Max(bound ?? double.MinValue, searchBound) : bound;
            var value = (long)Math.Round(objective) + ObjectiveOffset;
            progress?.Report(new(SolverPhase.Search, $"已找到 {count} 个方案，当前最好目标值 {value}。", count, value, best, clock.Elapsed));
        }
    }
}
