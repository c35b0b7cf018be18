using System.Diagnostics;
using System.Globalization;
using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Bench.Assignment;

/// <summary>
/// One run of every size with the figures a benchmark table lacks: objective, flow bound, share, gap, and the
/// baseline's cost. `dotnet run -c Release --project bench/Biaogan.Bench -- --assignment-quality [seconds]`.
/// </summary>
public static class AssignmentQuality
{
    public const string Switch = "--assignment-quality";

    public static void Run(string[] args)
    {
        var seconds = args.SkipWhile(a => a != Switch).Skip(1).Select(a => double.TryParse(a, CultureInfo.InvariantCulture, out var s) ? s : 0)
            .FirstOrDefault(s => s > 0);
        var limit = seconds > 0 ? TimeSpan.FromSeconds(seconds) : AssignmentBenchmarks.TimeLimit;
        Console.WriteLine("| size | baseline ms | baseline cost | flow core ms | flow core cost | pair costs ms | full graph at once ms | full model s | flow bound | objective | objective / flow bound | gap | region pairs |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var size in Enum.GetValues<AssignmentScenarios.Size>())
        {
            var problem = AssignmentScenarios.Create(size);
            var clock = Stopwatch.StartNew();
            var (_, baseline) = AssignmentScenarios.PlainMinCostFlow(problem);
            var baselineMs = clock.ElapsedMilliseconds;
            clock.Restart();
            var flow = AssignmentFlow.Solve(problem);
            var flowMs = clock.ElapsedMilliseconds;
            // Where the flow core's time goes: the pair costs alone (IndexedProblem), and the graph built whole instead of pruned.
            clock.Restart();
            var indexed = new IndexedProblem(problem);
            var indexMs = clock.ElapsedMilliseconds;
            clock.Restart();
            var whole = AssignmentFlow.Solve(indexed, keep: int.MaxValue);
            var wholeMs = clock.ElapsedMilliseconds;
            if (whole.Cost != flow.Cost) throw new InvalidOperationException($"pruned flow core {flow.Cost} ≠ full graph {whole.Cost}");
            clock.Restart();
            var progress = new Progress<SolverProgress>(p => Console.Error.WriteLine($"  {p.Elapsed.TotalSeconds,7:0.0}s {p.Message}"));
            var result = AssignmentSolver.Solve(problem, new SolverOptions { TimeLimit = limit, Seed = 1 }, progress);
            var fullSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size} | {baselineMs} | {baseline} | {flowMs} | {flow.Cost} | {indexMs} | {wholeMs} | {fullSeconds:0.0} | {result.FlowBound} | {result.Objective} | " +
                $"{result.ShareOfFlowBound:0.000} | {result.Gap:P1} | {result.Check?.SameRegionPairs} |"));
            Console.WriteLine($"  {Describe(result)}");
        }
    }

    public static string Describe(AssignmentResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Status} 目标值 {r.Objective} 流下界 {r.FlowBound} 下界 {r.LowerBound:0.#} 目标/流下界 {r.ShareOfFlowBound:0.000} 差距 {r.Gap:P1} " +
        $"初始方案 {r.Statistics.WarmStartObjective} CP-SAT {r.Statistics.SearchStatus} 方案数 {r.Statistics.Solutions} " +
        $"变量 {r.Statistics.CandidatePairs} 流 {r.Statistics.FlowTime.TotalSeconds:0.0}s 搜索 {r.Statistics.SearchTime.TotalSeconds:0.0}s");
}
