using Biaogan.Web.Features.Assignment.Solver;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>Queues solver runs and wakes the runner of this node.</summary>
public sealed class AssignmentJobs(AppDbContext db, CurrentActor actor, TimeProvider clock, AssignmentJobSignal signal)
{
    public async Task<AssignmentJob> StartAsync(Guid cycleId, ReviewStage stage, JobKind kind, int timeLimitSeconds, CancellationToken ct = default)
    {
        var job = new AssignmentJob(cycleId, stage, kind, timeLimitSeconds, actor.Name, clock.GetUtcNow());
        db.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return job;
    }
}

/// <summary>Wakes the runner when a job is queued on this node (other nodes' jobs are found by polling).</summary>
public sealed class AssignmentJobSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Wake() => _signal.Release();

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Runs queued solver jobs one at a time on this node. A job is claimed with a conditional update (Queued → Running),
/// so with several app nodes each job runs exactly once. Progress is written to the job row twice a second while the
/// solver works; the finished solution becomes a draft <see cref="AssignmentPlan"/> for the office to preview.
/// </summary>
internal sealed class AssignmentJobRunner(IServiceScopeFactory scopes, AssignmentJobSignal signal, TimeProvider clock,
    ILogger<AssignmentJobRunner> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimAsync(stoppingToken) is { } jobId) await RunAsync(jobId, stoppingToken);
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may not be ready yet (start-up, migration on another node): try again later.
                log.LogWarning(ex, "读取求解任务失败，稍后重试");
                await Task.Delay(Poll, stoppingToken);
            }
        }
    }

    private async Task<Guid?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await FailOrphansAsync(db, ct);
        var queued = await db.Set<AssignmentJob>().Where(j => j.Status == JobStatus.Queued)
            .OrderBy(j => j.RequestedAt).Select(j => j.Id).Take(5).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var id in queued)
        {
            var claimed = await db.Set<AssignmentJob>().Where(j => j.Id == id && j.Status == JobStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.ClaimedBy, _node)
                    .SetProperty(j => j.StartedAt, now).SetProperty(j => j.Message, "正在读取申报、评审员和回避关系……"), ct);
            if (claimed == 1) return id;
        }
        return null;
    }

    /// <summary>How long past its time limit a running job may go before it counts as abandoned by a node that died.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A node that stops while solving leaves its job “求解中” for ever. The solver honours its time limit, so a job still
    /// running well past it has lost its node: any runner marks it failed, and the office starts a new run.
    /// </summary>
    private async Task FailOrphansAsync(AppDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var running = await db.Set<AssignmentJob>().Where(j => j.Status == JobStatus.Running)
            .Select(j => new { j.Id, j.StartedAt, j.TimeLimitSeconds }).ToListAsync(ct);
        foreach (var job in running.Where(j => j.StartedAt is { } s && now - s > TimeSpan.FromSeconds(j.TimeLimitSeconds) + OrphanGrace))
        {
            await db.Set<AssignmentJob>().Where(j => j.Id == job.Id && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.FinishedAt, now)
                    .SetProperty(j => j.Message, "求解中断：运行该任务的服务器节点已停止，超过时限仍未结束。请重新开始求解。"), ct);
            log.LogWarning("求解任务 {JobId} 超过时限仍未结束，已标记为失败", job.Id);
        }
    }

    private async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var job = await db.Set<AssignmentJob>().AsNoTracking().FirstAsync(j => j.Id == jobId, ct);
        sp.GetRequiredService<CurrentActor>().ActAs(null, $"{job.RequestedBy}（后台求解）");
        var latest = new LatestProgress();
        try
        {
            // Rules may have found new conflicts since the last scan (new reviewers, new work history): scan first, so
            // that pending findings keep their pairs apart in this plan.
            await Conflicts.ConflictScan.RunAsync(db, job.CycleId, clock, ct);
            var input = await sp.GetRequiredService<AssignmentInputs>().LoadAsync(job.CycleId, job.Stage, null, ct);
            var options = new SolverOptions { TimeLimit = TimeSpan.FromSeconds(job.TimeLimitSeconds), Workers = Math.Min(Environment.ProcessorCount, 4) };
            var solving = Task.Run(() => Solve(job, input, options, latest, ct), ct);
            while (await Task.WhenAny(solving, Task.Delay(TimeSpan.FromMilliseconds(500), ct)) != solving)
                await WriteProgressAsync(db, jobId, latest.Value, ct);
            var (result, summary) = await solving;
            Guid? planId = null;
            if (result.Solution is { } solution)
            {
                var plan = await sp.GetRequiredService<AssignmentPlans>().CreateAsync(input, PlanSource.Solver, AssignmentPlans.ToPlanned(solution),
                    summary, null, (result.FlowBound, result.Gap), job.RequestedBy, ct);
                planId = plan.Id;
            }
            await FinishAsync(db, jobId, JobStatus.Finished, summary, result.Objective, result.LowerBound, planId, ct, result.Statistics.Solutions);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(ex, "求解任务 {JobId} 出错", jobId);
            await FinishAsync(db, jobId, JobStatus.Failed, "求解出错：" + ex.Message + "。请检查数据后重新启动；如反复出错，请联系系统管理员。",
                latest.Value?.Objective, latest.Value?.BestBound, null, CancellationToken.None, latest.Value?.Solutions ?? 0);
        }
    }

    private static (AssignmentResult Result, string Summary) Solve(AssignmentJob job, AssignmentInput input, SolverOptions options,
        LatestProgress progress, CancellationToken ct)
    {
        if (job.Kind == JobKind.Full)
        {
            var full = AssignmentSolver.Solve(input.Problem, options, progress, ct);
            return (full, full.Summary);
        }
        var resolved = AssignmentSolver.Resolve(input.Problem, input.Current, [], options, progress, ct);
        return (resolved.Result, resolved.Summary);
    }

    private static Task WriteProgressAsync(AppDbContext db, Guid id, SolverProgress? p, CancellationToken ct) => p is null
        ? Task.CompletedTask
        : db.Set<AssignmentJob>().Where(j => j.Id == id && j.Status == JobStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Phase, p.Phase.ToString()).SetProperty(j => j.Message, p.Message)
            .SetProperty(j => j.Objective, p.Objective).SetProperty(j => j.Bound, p.BestBound).SetProperty(j => j.Solutions, p.Solutions), ct);

    private async Task FinishAsync(AppDbContext db, Guid id, JobStatus status, string message, long? objective, double? bound, Guid? planId,
        CancellationToken ct, int solutions)
    {
        var now = clock.GetUtcNow();
        var text = message.Length > 2000 ? message[..2000] : message;
        await db.Set<AssignmentJob>().Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status).SetProperty(j => j.Phase, nameof(SolverPhase.Finished)).SetProperty(j => j.Message, text)
            .SetProperty(j => j.Objective, objective).SetProperty(j => j.Bound, bound).SetProperty(j => j.PlanId, planId)
            .SetProperty(j => j.Solutions, solutions).SetProperty(j => j.FinishedAt, now), ct);
    }

    /// <summary>Keeps the solver's last report (written from a solver thread, read by the writer loop).</summary>
    private sealed class LatestProgress : IProgress<SolverProgress>
    {
        private volatile SolverProgress? _value;
        public SolverProgress? Value => _value;
        public void Report(SolverProgress value) => _value = value;
    }
}
