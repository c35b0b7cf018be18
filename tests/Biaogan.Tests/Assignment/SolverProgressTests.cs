using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment.Solver;

namespace Biaogan.Tests.Assignment;

/// <summary>What a background job sees: progress reports in phase order, and cancellation.</summary>
[NoDatabase]
public class SolverProgressTests
{
    private static readonly AssignmentShape Shape = new(40, 30, 3, 5, 8, Employers: 20, Regions: 5, ConflictRate: 0.05, LeaderShare: 0.3);

    [Fact]
    public void Progress_goes_through_every_phase_in_order_and_reports_solutions_with_objective_and_bound()
    {
        // The first instance whose warm start is not proven optimal before the search (the flow bound or the priced
        // bound of LeaderLagrangian often proves it on small instances, and then CP-SAT is not started at all).
        var (progress, result) = Enumerable.Range(9, 20).Select(seed =>
        {
            var recorder = new Recorder();
            var solved = AssignmentSolver.Solve(AssignmentRandomInstances.Create(Shape, seed),
                new SolverOptions { TimeLimit = TimeSpan.FromSeconds(5), Workers = 1 }, recorder);
            return (recorder, solved);
        }).First(x => x.solved.Statistics.SearchStatus != "");

        Assert.NotNull(result.Solution);
        var phases = progress.Reports.Select(r => r.Phase).Distinct().ToList();
        Assert.Equal([SolverPhase.CheckingFeasibility, SolverPhase.FlowCore, SolverPhase.Repair, SolverPhase.Search, SolverPhase.Finished], phases);
        Assert.True(progress.Reports.Select(r => r.Phase).SequenceEqual(progress.Reports.Select(r => r.Phase).Order()));
        var found = progress.Reports.Where(r => r.Phase == SolverPhase.Search && r.Solutions > 0).ToList();
        Assert.NotEmpty(found);
        Assert.All(found, r => Assert.Contains("已找到", r.Message));
        Assert.All(found, r => Assert.True(r.BestBound <= r.Objective));
        var last = progress.Reports[^1];
        Assert.Equal((result.Objective, result.LowerBound), (last.Objective, last.BestBound));
        Assert.Equal(result.Summary, last.Message);
        Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(p => p.First.Elapsed <= p.Second.Elapsed));
    }

    [Fact]
    public void A_cancelled_token_stops_the_solve()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            AssignmentSolver.Solve(AssignmentRandomInstances.Create(Shape, 9), new SolverOptions(), null, cancel.Token));
    }

    [Fact]
    public void Cancelling_while_the_search_runs_stops_it()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new Recorder(r => { if (r.Solutions > 0) cancel.Cancel(); });
        var big = new AssignmentShape(120, 60, 5, 10, 16, Employers: 40, Regions: 8, ConflictRate: 0.02, LeaderShare: 0.3);
        Assert.ThrowsAny<OperationCanceledException>(() => AssignmentSolver.Solve(AssignmentRandomInstances.Create(big, 1),
            new SolverOptions { TimeLimit = TimeSpan.FromMinutes(10), Workers = 2 }, progress, cancel.Token));
        Assert.DoesNotContain(progress.Reports, r => r.Phase == SolverPhase.Finished);
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Recorder(Action<SolverProgress>? onReport = null) : IProgress<SolverProgress>
    {
        private readonly Lock gate = new();
        public List<SolverProgress> Reports { get; } = [];

        public void Report(SolverProgress value)
        {
            lock (gate) Reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
