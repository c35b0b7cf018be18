using Biaogan.Web.Features.Assignment.Solver;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>Queues solver runs as scheduled work (due at once), in the same transaction as the job row.</summary>
public sealed class AssignmentJobs(AppDbContext db, CurrentActor actor, TimeProvider clock, WorkScheduler scheduler)
{
    public async Task<AssignmentJob> StartAsync(Guid cycleId, ReviewStage stage, JobKind kind, int timeLimitSeconds, CancellationToken ct = default)
    {
        var job = new AssignmentJob(cycleId, stage, kind, timeLimitSeconds, actor.Name, clock.GetUtcNow());
        db.Add(job);
        await scheduler.ScheduleAsync(AssignmentSolveWork.WorkKind, job.Id.ToString(), clock.GetUtcNow(), new AssignmentSolveWork.Payload(job.Id),
            AssignmentSolveWork.MaxAttempts, ct);
        return job;
    }
}

/// <summary>
/// Runs one queued solver job (scheduled work “assignment.solve”, keyed by the job id). The scheduled-work runner claims
/// the row, so with several app nodes each job runs on one node at a time; a node that stops mid-solve leaves its lease to
/// run out and the next node solves the job again from the start (idempotent enough: the draft plan is made only at the
/// end, a finished job is left alone, and at worst a node dying in that last instant leaves a second draft plan). Progress is written to the job row twice a second while the solver works;
/// the finished solution becomes a draft <see cref="AssignmentPlan"/> for the office to preview.
/// </summary>
internal sealed class AssignmentSolveWork(IServiceProvider sp, AppDbContext db, TimeProvider clock, ILogger<AssignmentSolveWork> log) : IScheduledWork
{
    public const string WorkKind = "assignment.solve";
    public const int MaxAttempts = 3;

    public sealed record Payload(Guid JobId);

    public string Kind => WorkKind;
    public string Title => "专家组分配求解";

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct)
    {
        var jobId = work.Read<Payload>().JobId;
        var job = await db.Set<AssignmentJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null) return "求解任务已不存在，无需执行。";
        if (job.IsDone) return $"求解任务已{job.Status.Display()}，无需重复执行。";
        var resumed = job.Status == JobStatus.Running;
        await db.Set<AssignmentJob>().Where(j => j.Id == jobId && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.ClaimedBy, work.NodeId)
                .SetProperty(j => j.StartedAt, clock.GetUtcNow())
                .SetProperty(j => j.Message, resumed
                    ? "上次运行该任务的服务器节点已停止，已在本节点重新开始求解：正在读取申报、评审员和回避关系……"
                    : "正在读取申报、评审员和回避关系……"), ct);
        if (resumed) log.LogWarning("求解任务 {JobId} 的节点已停止，由 {Node} 重新求解", jobId, work.NodeId);
        await RunAsync(jobId, ct);
        var status = await db.Set<AssignmentJob>().Where(j => j.Id == jobId).Select(j => j.Status).FirstAsync(ct);
        return $"求解任务{status.Display()}";
    }

    private async Task RunAsync(Guid jobId, CancellationToken ct)
    {
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
