using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Infrastructure.Jobs;

/// <summary>Settings of section Jobs (see docs/operations.md).</summary>
public sealed class JobsOptions
{
    /// <summary>Whether this node runs scheduled work at all (false: a web-only node; others run its work).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often an idle runner looks for due work (wakes at once for work scheduled on this node).</summary>
    public int PollSeconds { get; set; } = 15;
    /// <summary>How long a claim keeps other nodes away; renewed every third of it while the work runs.</summary>
    public int LeaseSeconds { get; set; } = 300;
    /// <summary>Items this node runs at the same time (a long solver run does not hold up reminders).</summary>
    public int MaxConcurrent { get; set; } = 2;
    /// <summary>Whether recurring work (reminder rounds …) is kept scheduled; tests turn it off.</summary>
    public bool Recurring { get; set; } = true;
    /// <summary>This node's name in claims; default machine/process.</summary>
    public string? NodeName { get; set; }
}

/// <summary>
/// Claims due <see cref="ScheduledWork"/> rows one by one and runs their handlers. A claim is one conditional UPDATE
/// (… WHERE Id = @id AND (State = 待执行 OR (State = 执行中 AND ClaimedUntil &lt; @now)) AND DueAt &lt;= @now) whose
/// affected-row count says who won: PostgreSQL re-checks the condition after waiting for a competing update and SQLite
/// has one writer at a time, so two nodes never both win. Outcomes are written only while the claim is still ours.
/// </summary>
public sealed class WorkRunner(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobsOptions> options, ILogger<WorkRunner> log)
{
    /// <summary>This runner's identity in claims: unique per instance, so two runners in one process are two nodes.</summary>
    public string NodeId { get; } = $"{options.Value.NodeName ?? $"{Environment.MachineName}/{Environment.ProcessId}"}/{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// The clock's instant as UTC: on SQLite instants are compared as ticks of their own offset, so a clock that answers
    /// with +08:00 (as a test clock may) must be normalised before it meets the stored UTC values.
    /// </summary>
    private DateTimeOffset Now() => clock.GetUtcNow().ToUniversalTime();

    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(3, options.Value.LeaseSeconds));

    /// <summary>Runs due items one after another until none is due; returns how many it ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var ran = 0;
        while (!ct.IsCancellationRequested && await RunOneAsync(ct)) ran++;
        return ran;
    }

    /// <summary>Claims one due item and runs it; false when nothing was due (or every due item went to another node).</summary>
    public async Task<bool> RunOneAsync(CancellationToken ct = default)
    {
        if (await ClaimAsync(ct) is not { } item) return false;
        await ExecuteAsync(item, ct);
        return true;
    }

    private async Task<ScheduledWork?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Now();
        var until = now + Lease;
        var candidates = await Claimable(db, now).OrderBy(w => w.DueAt).Select(w => w.Id).Take(10).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var won = await Claimable(db, now).Where(w => w.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(w => w.State, WorkState.Running).SetProperty(w => w.ClaimedBy, NodeId).SetProperty(w => w.ClaimedUntil, until)
                .SetProperty(w => w.Attempts, w => w.Attempts + 1).SetProperty(w => w.StartedAt, now)
                .SetProperty(w => w.Version, w => w.Version + 1), ct);
            if (won == 1) return await db.Set<ScheduledWork>().AsNoTracking().FirstAsync(w => w.Id == id, ct);
        }
        return null;
    }

    /// <summary>Due and free: waiting, or running under a lease that ran out (its node died or lost the database).</summary>
    private static IQueryable<ScheduledWork> Claimable(AppDbContext db, DateTimeOffset now) => db.Set<ScheduledWork>()
        .Where(w => w.DueAt <= now && (w.State == WorkState.Pending || (w.State == WorkState.Running && w.ClaimedUntil < now)));

    private async Task ExecuteAsync(ScheduledWork item, CancellationToken ct)
    {
        if (item.Attempts > item.MaxAttempts)
        {
            // Only reachable through expired leases: the nodes that took it kept dying (crash, out of memory).
            await FailAsync(item, "执行该任务的服务器节点多次中断，已达到最多尝试次数。请查看服务器日志，排除问题后在“后台任务”页面重试。", null);
            return;
        }
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = KeepLeaseAsync(item.Id, heartbeatStop.Token);
        IScheduledWork? handler = null;
        string? result = null;
        Exception? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            handler = scope.ServiceProvider.GetServices<IScheduledWork>().FirstOrDefault(h => h.Kind == item.Kind);
            if (handler is null) throw new InvalidOperationException($"本节点没有处理“{item.Kind}”类后台任务的程序。请确认各节点运行同一版本。");
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, $"后台任务（{handler.Title}）");
            result = await handler.RunAsync(new WorkItem(item.Id, item.Kind, item.Key, item.Payload, item.DueAt, item.Attempts,
                item.MaxAttempts, NodeId), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            await ReleaseAsync(item.Id);
            return;
        }
        catch (Exception ex)
        {
            error = ex;
        }
        await heartbeatStop.CancelAsync();
        await heartbeat;
        if (error is null) await CompleteAsync(item, result, handler);
        else if (item.Attempts >= item.MaxAttempts) await FailAsync(item, Describe(error), handler);
        else await RetryLaterAsync(item, error);
    }

    private async Task KeepLeaseAsync(Guid id, CancellationToken ct)
    {
        try
        {
            using var timer = new PeriodicTimer(Lease / 3, clock);
            while (await timer.WaitForNextTickAsync(ct))
            {
                await using var scope = scopes.CreateAsyncScope();
                var until = Now() + Lease;
                await Mine(scope.ServiceProvider.GetRequiredService<AppDbContext>(), id)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClaimedUntil, until), ct);
            }
        }
        catch (OperationCanceledException) { /* the work ended */ }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            log.LogWarning(ex, "后台任务 {Id} 的租约续期失败；租约到期后其他节点可能接手", id);
        }
    }

    /// <summary>The row while this runner still holds it (another node may have taken it over after our lease ran out).</summary>
    private IQueryable<ScheduledWork> Mine(AppDbContext db, Guid id) =>
        db.Set<ScheduledWork>().Where(w => w.Id == id && w.ClaimedBy == NodeId && w.State == WorkState.Running);

    private async Task CompleteAsync(ScheduledWork item, string? result, IScheduledWork? handler)
    {
        var now = Now();
        var text = result is null ? null : ScheduledWork.Shorten(result);
        if (await FinishAsync(item, $"后台任务完成：{handler?.Title ?? item.Kind}（{item.Key}）{(text is null ? "" : "：" + text)}", db => Mine(db, item.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkState.Done).SetProperty(w => w.Result, text)
                    .SetProperty(w => w.FinishedAt, now).SetProperty(w => w.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(w => w.Version, w => w.Version + 1))))
            await ScheduleNextOccurrenceAsync(item, handler);
    }

    private async Task FailAsync(ScheduledWork item, string error, IScheduledWork? handler)
    {
        var now = Now();
        var text = ScheduledWork.Shorten(error);
        log.LogError("后台任务 {Kind}（{Key}）第 {Attempts} 次执行失败，不再重试：{Error}", item.Kind, item.Key, item.Attempts, text);
        if (await FinishAsync(item, $"后台任务失败：{handler?.Title ?? item.Kind}（{item.Key}），已尝试 {item.Attempts} 次：{text}", db => Mine(db, item.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkState.Failed).SetProperty(w => w.LastError, text)
                    .SetProperty(w => w.FinishedAt, now).SetProperty(w => w.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(w => w.Version, w => w.Version + 1))))
            await ScheduleNextOccurrenceAsync(item, handler);
    }

    private async Task RetryLaterAsync(ScheduledWork item, Exception error)
    {
        var next = Now() + ScheduledWork.Backoff(item.Attempts);
        var text = ScheduledWork.Shorten(Describe(error));
        log.LogWarning(error, "后台任务 {Kind}（{Key}）第 {Attempts} 次执行失败，{Next} 重试", item.Kind, item.Key, item.Attempts, next);
        await using var scope = scopes.CreateAsyncScope();
        await Mine(scope.ServiceProvider.GetRequiredService<AppDbContext>(), item.Id).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.State, WorkState.Pending).SetProperty(w => w.DueAt, next).SetProperty(w => w.LastError, text)
            .SetProperty(w => w.ClaimedUntil, (DateTimeOffset?)null).SetProperty(w => w.Version, w => w.Version + 1), CancellationToken.None);
    }

    /// <summary>Shutting down mid-run: give the item back at once (the interrupted attempt does not count).</summary>
    private async Task ReleaseAsync(Guid id)
    {
        await using var scope = scopes.CreateAsyncScope();
        await Mine(scope.ServiceProvider.GetRequiredService<AppDbContext>(), id).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.State, WorkState.Pending).SetProperty(w => w.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(w => w.Attempts, w => w.Attempts - 1).SetProperty(w => w.Version, w => w.Version + 1), CancellationToken.None);
    }

    /// <summary>Writes the outcome if the claim is still ours, with an audit record of it; false when another node took over.</summary>
    private async Task<bool> FinishAsync(ScheduledWork item, string action, Func<AppDbContext, Task<int>> update)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await update(db) != 1)
        {
            log.LogWarning("后台任务 {Kind}（{Key}）的租约已到期并被其他节点接手，本节点的结果不记录", item.Kind, item.Key);
            return false;
        }
        db.Add(new AuditEntry
        {
            At = Now(), ActorName = "后台任务", EntityType = nameof(ScheduledWork), EntityId = item.Id.ToString(),
            SubjectType = nameof(ScheduledWork), SubjectId = item.Id.ToString(), Action = action.Length > 200 ? action[..199] + "…" : action,
        });
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    private async Task ScheduleNextOccurrenceAsync(ScheduledWork item, IScheduledWork? handler)
    {
        if (handler is not IRecurringWork recurring) return;
        await using var scope = scopes.CreateAsyncScope();
        var after = item.DueAt > Now() ? item.DueAt : Now();
        await scope.ServiceProvider.GetRequiredService<WorkScheduler>().ScheduleNextAsync(item.Kind, recurring.Recurrence, after, null, CancellationToken.None);
    }

    /// <summary>Makes sure every recurring kind has its next occurrence waiting.</summary>
    public async Task EnsureRecurringAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<WorkScheduler>();
        foreach (var recurring in scope.ServiceProvider.GetServices<IScheduledWork>().OfType<IRecurringWork>())
            await scheduler.EnsureRecurringAsync(recurring.Kind, recurring.Recurrence, ct);
    }

    private static string Describe(Exception ex) => ex switch
    {
        Errors.DomainRuleException or InvalidOperationException => ex.Message,
        _ => $"{ex.Message}（{ex.GetType().Name}）",
    };
}
