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
            if (latest.Inputs == await RankingInputs.CurrentAsync(db, cycleId, ct)) return await ViewAsync(db, latest, false, ct);
            if (await RecomputeScheduledAsync(cycleId, ct)) return await ViewAsync(db, latest, true, ct);
        }
        return await ComputeAsync(cycleId, latest is null ? "首次查看排名" : "评分已变化（未登记重新计算）", ct);
    }

    /// <summary>For decisions (recording and finalising a list, a stage report): the version of the sheets as they are now.</summary>
    public async Task<StoredRanking?> CurrentAsync(Guid cycleId, string cause, CancellationToken ct)
    {
        var latest = await LatestAsync(db, cycleId, ct);
        if (latest is not null && latest.Inputs == await RankingInputs.CurrentAsync(db, cycleId, ct)) return await ViewAsync(db, latest, false, ct);
        return await ComputeAsync(cycleId, cause, ct);
    }

    /// <summary>One stored version (a finalised shortlist's), or null when it is gone.</summary>
    public async Task<StoredRanking?> VersionAsync(Guid snapshotId, CancellationToken ct) =>
        await Heads(db.Set<RankingSnapshot>().Where(s => s.Id == snapshotId)).FirstOrDefaultAsync(ct) is { } s ? await ViewAsync(db, s, false, ct) : null;

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
            if (latest is not null && latest.Inputs == inputs) return await ViewAsync(own, latest, false, ct);
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
                return await LatestAsync(own, cycleId, ct) is { } other ? await ViewAsync(own, other, other.Inputs != inputs, ct) : throw new InvalidOperationException("排名版本保存失败，请稍后重试。");
            }
            await own.Set<RankingSnapshot>().Where(s => s.CycleId == cycleId && !s.Pinned && s.Number <= snapshot.Number - KeepVersions)
                .ExecuteDeleteAsync(ct);
            Parsed.Keep(snapshot.Id, board);
            return new StoredRanking(snapshot.Id, snapshot.Number, snapshot.ComputedAt, snapshot.Cause, false, board);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A version without its board: the board is read (and parsed) only when it is not parsed on this node yet.</summary>
    private sealed record Head(Guid Id, int Number, DateTimeOffset ComputedAt, string Cause, string Inputs);

    private static IQueryable<Head> Heads(IQueryable<RankingSnapshot> snapshots) =>
        snapshots.AsNoTracking().Select(s => new Head(s.Id, s.Number, s.ComputedAt, s.Cause, s.Inputs));

    private static Task<Head?> LatestAsync(AppDbContext db, Guid cycleId, CancellationToken ct) =>
        Heads(db.Set<RankingSnapshot>().Where(s => s.CycleId == cycleId).OrderByDescending(s => s.Number)).FirstOrDefaultAsync(ct);

    private static async Task<StoredRanking> ViewAsync(AppDbContext db, Head s, bool updating, CancellationToken ct)
    {
        if (!Parsed.TryGet(s.Id, out var board))
        {
            var json = await db.Set<RankingSnapshot>().AsNoTracking().Where(x => x.Id == s.Id).Select(x => x.Board).FirstAsync(ct);
            board = RankingSnapshot.ReadBoard(json, s.Number);
            Parsed.Keep(s.Id, board);
        }
        return new(s.Id, s.Number, s.ComputedAt, s.Cause, updating, board);
    }

    /// <summary>
    /// Boards already parsed on this node, by version id. A version never changes once stored (only its pinned flag,
    /// which is not part of the board), so a parsed board is never stale; a page then costs its filter and its rows,
    /// not reading and parsing every row of the ranking (docs/decisions/0054). Bounded: the latest versions of a few cycles.
    /// </summary>
    private static class Parsed
    {
        private const int Capacity = 16;
        private static readonly ConcurrentDictionary<Guid, (RankingBoard Board, long Used)> Boards = new();
        private static long clock;

        public static bool TryGet(Guid id, out RankingBoard board)
        {
            if (Boards.TryGetValue(id, out var hit))
            {
                Boards[id] = (hit.Board, Interlocked.Increment(ref clock));
                board = hit.Board;
                return true;
            }
            board = null!;
            return false;
        }

        public static void Keep(Guid id, RankingBoard board)
        {
            Boards[id] = (board, Interlocked.Increment(ref clock));
            if (Boards.Count <= Capacity) return;
            foreach (var old in Boards.OrderBy(b => b.Value.Used).Take(Boards.Count - Capacity).Select(b => b.Key).ToList())
                Boards.TryRemove(old, out _);
        }
    }
}
