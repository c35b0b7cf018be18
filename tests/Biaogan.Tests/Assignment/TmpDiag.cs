using Biaogan.Web.Features.Assignment.Solver;
using Xunit.Abstractions;
namespace Biaogan.Tests.Assignment;
public class TmpDiag(ITestOutputHelper o)
{
    [Fact]
    public void Diag()
    {
        using var cancel = new CancellationTokenSource();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var big = new AssignmentShape(300, 120, 5, 10, 16, Employers: 60, Regions: 8, ConflictRate: 0.02, LeaderShare: 0.3);
        var p = new Prog(r => { o.WriteLine($"{sw.ElapsedMilliseconds}ms {r.Phase} {r.Message}"); if (r.Solutions > 0) cancel.Cancel(); });
        try { AssignmentSolver.Solve(AssignmentRandomInstances.Create(big, 1), new SolverOptions { TimeLimit = TimeSpan.FromMinutes(10), Workers = 2 }, p, cancel.Token); }
        catch (OperationCanceledException) { o.WriteLine($"{sw.ElapsedMilliseconds}ms cancelled"); }
    }
    private sealed class Prog(Action<SolverProgress> a) : IProgress<SolverProgress> { public void Report(SolverProgress v) => a(v); }
}
