using System.Collections.Concurrent;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>A stored ranking version as a page shows it; <see cref="Updating"/> when newer scores wait for the recompute.</summary>
public sealed record StoredRanking(Guid SnapshotId, int Number, DateTimeOffset ComputedAt, string Cause, bool Updating, RankingBoard Board)
{
    /// <summary>The line a page shows while the stored figures are behind the sheets.</summary>
    public string UpdatingText => $"排名正在更新…，数据截至 {ChinaTime.Format(ComputedAt)}（第 {Number} 版）。新确认的评分将在几秒钟内计入，请稍后刷新页面。";

    public string VersionText => $"第 {Number} 版，计算于 {ChinaTime.Format(ComputedAt)}（{Cause}）";
}

/// <summary>
/// The stored 资料评审 ranking (<see cref="RankingSnapshot"/>): pages read it, decisions make sure it is current, the
/// scheduled work recomputes it. Computing goes through one gate per cycle on this node and saves through a DbContext
/// of its own, so it never saves a caller's pending changes and concurrent viewers wait for one computation instead of
/// each running their own.
/// </summary>
public sealed class RankingStore(AppDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Unpinned versions kept per cycle (older ones are pruned after each computation).</summary>
    public const int KeepVersions = 10;

    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Gates = new();

    /// <summary>
    /// For pages: the latest stored version. Stale while a recompute is scheduled (shown as 正在更新); computed here once
    /// when none exists yet or when the sheets changed without a recompute being scheduled. Null when the cycle does not exist.
    /// </summary>
    public async Task<StoredRanking?> ReadAsync(Guid cycleId, CancellationToken ct)
    {
        var latest = await LatestAsync(db, cycleId, ct);
        if (latest is not null)
        {
            if (latest.Inputs == await RankingInputs.CurrentAsync(db, cycleId, ct)) return View(latest, false);
            if (await RecomputeScheduledAsync(cycleId, ct)) return View(latest, true);
        }
        return await ComputeAsync(cycleId, latest is null ? "首次查看排名" : "评分已变化（未登记重新计算）", ct);
    }

    /// <summary>For decisions (recording and finalising a list, a stage report): the version of the sheets as they are now.</summary>
    public async Task<StoredRanking?> CurrentAsync(Guid cycleId, string cause, CancellationToken ct)
    {
        var latest = await LatestAsync(db, cycleId, ct);
        if (latest is not null && latest.Inputs == await RankingInputs.CurrentAsync(db, cycleId, ct)) return View(latest, false);
        return await ComputeAsync(cycleId, cause, ct);
    }

    /// <summary>One stored version (a finalised shortlist's), or null when it is gone.</summary>
    public async Task<StoredRanking?> VersionAsync(Guid snapshotId, CancellationToken ct) =>
        await db.Set<RankingSnapshot>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == snapshotId, ct) is { } s ? View(s, false) : null;

    /// <summary>Keeps a version for good: a finalised decision rests on it.</summary>
    public Task PinAsync(Guid snapshotId, CancellationToken ct) =>
        db.Set<RankingSnapshot>().Where(s => s.Id == snapshotId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Pinned, true), ct);

    /// <summary>The scheduled recompute: a new version unless the stored one is already current.</summary>
    public Task<StoredRanking?> RefreshAsync(Guid cycleId, string cause, CancellationToken ct) => ComputeAsync(cycleId, cause, ct);

    private Task<bool> RecomputeScheduledAsync(Guid cycleId, CancellationToken ct)
    {
        var prefix = RankingRecomputeWork.KeyPrefix(cycleId);
        return db.Set<ScheduledWork>().AnyAsync(w => w.Kind == RankingRecomputeWork.WorkKind
            && (w.State == WorkState.Pending || w.State == WorkState.Running) && w.Key.StartsWith(prefix), ct);
    }

    private async Task<StoredRanking?> ComputeAsync(Guid cycleId, string cause, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(cycleId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Read the inputs before the sheets: a change saved in between makes this version look stale, never current.
            var inputs = await RankingInputs.CurrentAsync(own, cycleId, ct);
            var latest = await LatestAsync(own, cycleId, ct);
            if (latest is not null && latest.Inputs == inputs) return View(latest, false);
            var board = await RankingQueries.LoadAsync(own, cycleId, ct);
            if (board is null) return null;
            var snapshot = new RankingSnapshot(cycleId, (latest?.Number ?? 0) + 1, clock.GetUtcNow(), cause, inputs, board);
            own.Add(snapshot);
            try
            {
                await own.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node stored this number first: its version is as new as ours.
                own.Entry(snapshot).State = EntityState.Detached;
                return await LatestAsync(own, cycleId, ct) is { } other ? View(other, other.Inputs != inputs) : throw new InvalidOperationException("排名版本保存失败，请稍后重试。");
            }
            await own.Set<RankingSnapshot>().Where(s => s.CycleId == cycleId && !s.Pinned && s.Number <= snapshot.Number - KeepVersions)
                .ExecuteDeleteAsync(ct);
            return new StoredRanking(snapshot.Id, snapshot.Number, snapshot.ComputedAt, snapshot.Cause, false, board);
        }
        finally
        {
            gate.Release();
        }
    }

    private static Task<RankingSnapshot?> LatestAsync(AppDbContext db, Guid cycleId, CancellationToken ct) =>
        db.Set<RankingSnapshot>().AsNoTracking().Where(s => s.CycleId == cycleId).OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);

    private static StoredRanking View(RankingSnapshot s, bool updating) =>
        new(s.Id, s.Number, s.ComputedAt, s.Cause, updating, s.ReadBoard());
}
