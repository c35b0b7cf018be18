using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Bench.Assignment;

/// <summary>
/// Time of the solver's flow core and full model (CP-SAT, 60 s limit) against the baseline, OR-Tools min-cost flow
/// on the plain bipartite graph, on the same seeded instance. The objectives are printed after each case
/// ("// 分配结果 …") and written by the quality mode (see bench/README.md).
/// </summary>
[Config(typeof(Settings))]
public class AssignmentBenchmarks
{
    /// <summary>
    /// Long single runs: no pilot, one warm-up, three measured iterations, in this process (OR-Tools natives), with
    /// room for five runs of the 60-second full model per case (the in-process default gives up after five minutes).
    /// </summary>
    private sealed class Settings : ManualConfig
    {
        public Settings() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
            .WithIterationCount(3).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
    }

    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    [ParamsAllValues]
    public AssignmentScenarios.Size Size { get; set; }

    private AssignmentProblem problem = null!;
    private string last = "";

    [GlobalSetup]
    public void Setup() => problem = AssignmentScenarios.Create(Size);

    [Benchmark(Baseline = true, Description = "基线：OR-Tools 最小费用流（二部图，无分组规则）")]
    public long BaselinePlainMinCostFlow()
    {
        var (flow, cost) = AssignmentScenarios.PlainMinCostFlow(problem);
        last = $"基线 流量 {flow} 费用 {cost}";
        return cost;
    }

    [Benchmark(Description = "流核心（含同地区惩罚与同单位限制）")]
    public long FlowCore()
    {
        var result = AssignmentFlow.Solve(problem);
        last = $"流核心 席位 {result.Seats}/{result.Demand} 费用（流下界）{result.Cost}";
        return result.Cost;
    }

    [Benchmark(Description = "完整模型（CP-SAT，60 秒）")]
    public long FullModel()
    {
        var result = AssignmentSolver.Solve(problem, new SolverOptions { TimeLimit = TimeLimit, Seed = 1 });
        last = AssignmentQuality.Describe(result);
        return result.Objective ?? -1;
    }

    [GlobalCleanup]
    public void Report() => Console.WriteLine($"// 分配结果 {Size}: {last}");
}
