using BenchmarkDotNet.Running;
using Biaogan.Bench.Assignment;

// Benchmarks of Biaogan. See bench/README.md for the commands and the figures measured.
if (args.Contains(AssignmentQuality.Switch))
{
    AssignmentQuality.Run(args);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(AssignmentBenchmarks).Assembly).Run(args);
