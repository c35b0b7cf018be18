using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Jobs;

/// <summary>
/// Puts work into the <see cref="ScheduledWork"/> table. Scoped: it saves through the request's DbContext, so whatever the
/// caller added before (a solver job, an incident) is saved in the same transaction as the row that will act on it.
/// </summary>
public sealed class WorkScheduler(AppDbContext db, TimeProvider clock, WorkSignal signal)
{
    public const int DefaultMaxAttempts = 5;

    /// <summary>
    /// Schedules <paramref name="kind"/> work under the idempotency key <paramref name="key"/>, due at
    /// <paramref name="dueAt"/> (any offset; stored as UTC), with <paramref name="payload"/> serialised as JSON.
    /// Saves the context. Returns false — and changes nothing — when (kind, key) is already scheduled, whatever its state.
    /// Work due now wakes this node's runner at once.
    /// </summary>
    public async Task<bool> ScheduleAsync(string kind, string key, DateTimeOffset dueAt, object? payload = null,
        int maxAttempts = DefaultMaxAttempts, CancellationToken ct = default)
    {
        if (await ExistsAsync(kind, key, ct)) return false;
        var work = new ScheduledWork(kind, key, WorkItem.Write(payload), dueAt, maxAttempts, clock.GetUtcNow().ToUniversalTime());
        db.Add(work);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node scheduled the same (kind, key) between the check and the insert: that row stands. Forget ours
            // and the audit record written for it; when the caller had other changes in this save, they failed with it.
            if (!await ExistsAsync(kind, key, ct)) throw;
            db.ForgetUnsaved(work);
            if (db.ChangeTracker.HasChanges()) throw;
            return false;
        }
        if (work.DueAt <= clock.GetUtcNow().ToUniversalTime()) signal.Wake();
        return true;
    }

    /// <summary>
    /// Schedules the occurrence of recurring work that follows <paramref name="after"/> on its grid; a no-op when another
    /// node (or an earlier run of the same occurrence) already did.
    /// </summary>
    public Task<bool> ScheduleNextAsync(string kind, Recurrence recurrence, DateTimeOffset after, object? payload = null,
        CancellationToken ct = default)
    {
        var due = recurrence.NextAfter(after);
        return ScheduleAsync(kind, Recurrence.KeyOf(due), due, payload, DefaultMaxAttempts, ct);
    }

    /// <summary>Makes sure recurring work has an occurrence waiting (待执行 or 执行中); schedules the next one otherwise.</summary>
    public async Task<bool> EnsureRecurringAsync(string kind, Recurrence recurrence, CancellationToken ct = default)
    {
        var waiting = await db.Set<ScheduledWork>().AnyAsync(w => w.Kind == kind && (w.State == WorkState.Pending || w.State == WorkState.Running), ct);
        return !waiting && await ScheduleNextAsync(kind, recurrence, clock.GetUtcNow().ToUniversalTime(), null, ct);
    }

    private Task<bool> ExistsAsync(string kind, string key, CancellationToken ct) =>
        db.Set<ScheduledWork>().AnyAsync(w => w.Kind == kind && w.Key == key, ct);

}

/// <summary>Wakes every runner loop of this node (other nodes find new work by polling).</summary>
public sealed class WorkSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next <see cref="Wake"/>; take it before looking for work, so no wake is lost.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Wake() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
