using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>Settings of section Ranking.</summary>
public sealed class RankingOptions
{
    /// <summary>
    /// Changes within one window of this many seconds share one recompute (the window's end is its due time and the
    /// idempotency key), so a burst of consensus saves gives one new version.
    /// </summary>
    public int RecomputeDelaySeconds { get; set; } = 5;
}

/// <summary>
/// Scheduled work “ranking.recompute”, keyed by cycle and window: computes a new ranking version unless the stored one
/// is already current (idempotent: a second run finds the version and stops).
/// </summary>
internal sealed class RankingRecomputeWork(RankingStore store) : IScheduledWork
{
    public const string WorkKind = "ranking.recompute";

    public sealed record Payload(Guid CycleId, string Cause);

    public string Kind => WorkKind;
    public string Title => "资料评审排名重新计算";

    public static string KeyPrefix(Guid cycleId) => $"{cycleId:N}@";

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct)
    {
        var p = work.Read<Payload>();
        var stored = await store.RefreshAsync(p.CycleId, p.Cause, ct);
        return stored is null ? "该年度活动已不存在，无需计算排名。" : $"资料评审排名为最新的第 {stored.Number} 版（{stored.Cause}）。";
    }
}

/// <summary>Ranking's side of the <see cref="IScoreChanges"/> hook: one recompute per window of changes.</summary>
internal sealed class RankingRecomputeScheduler(WorkScheduler scheduler, TimeProvider clock, IOptions<RankingOptions> options) : IScoreChanges
{
    public async Task ScoresChangedAsync(Guid cycleId, string cause, CancellationToken ct)
    {
        var window = TimeSpan.FromSeconds(Math.Max(1, options.Value.RecomputeDelaySeconds));
        var due = Recurrence.Every(window).NextAfter(clock.GetUtcNow());
        await scheduler.ScheduleAsync(RankingRecomputeWork.WorkKind, RankingRecomputeWork.KeyPrefix(cycleId) + Recurrence.KeyOf(due), due,
            new RankingRecomputeWork.Payload(cycleId, cause), ct: ct);
    }
}
