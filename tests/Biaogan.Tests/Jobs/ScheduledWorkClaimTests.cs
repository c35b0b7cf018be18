using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Jobs;

/// <summary>
/// Scheduled work is claimed by row: two app nodes on one database run every due item once, a node that died leaves
/// its item to the next runner once the lease runs out, and the (kind, key) pair makes scheduling idempotent.
/// </summary>
public class ScheduledWorkClaimTests(JobsAppFactory app) : IClassFixture<JobsAppFactory>
{
    [Fact]
    public async Task Two_app_nodes_on_one_database_run_every_due_item_exactly_once()
    {
        await using var other = app.SecondNode();
        var prefix = $"两节点-{Guid.NewGuid():N}-";
        var keys = Enumerable.Range(1, 40).Select(i => prefix + i).ToList();
        foreach (var key in keys) await app.ScheduleAsync(CountingWork.WorkKind, key, app.Clock.GetUtcNow());

        // Four runners (two per node) race for the same rows at the same moment.
        var runners = new[] { app.NewRunner(), other.NewRunner(), app.NewRunner(), other.NewRunner() };
        var ran = await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunDueAsync())));

        Assert.True(ran.Sum() >= keys.Count);
        foreach (var key in keys) Assert.Single(CountingWork.Runs[key]);
        var rows = await app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking().Where(w => w.Key.StartsWith(prefix)).ToListAsync());
        Assert.All(rows, w =>
        {
            Assert.Equal(WorkState.Done, w.State);
            Assert.Equal(1, w.Attempts);
            Assert.Equal($"由 {w.ClaimedBy} 执行", w.Result);
            Assert.Equal(w.ClaimedBy, CountingWork.Runs[w.Key].Single());
        });
    }

    [Fact]
    public async Task An_item_whose_node_died_mid_run_is_run_again_by_a_new_runner_once_the_lease_runs_out()
    {
        var key = $"重启-{Guid.NewGuid():N}";
        // written straight into the table, so as UTC like the runner writes (the test clock answers in +08:00)
        var now = app.Clock.GetUtcNow().ToUniversalTime();
        await app.ScheduleAsync(CountingWork.WorkKind, key, now);
        // The node that claimed it stopped mid-run: the row says 执行中 under a lease of five minutes.
        await app.WithDbAsync(db => db.Set<ScheduledWork>().Where(w => w.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.State, WorkState.Running).SetProperty(w => w.ClaimedBy, "已停止的节点/1")
            .SetProperty(w => w.ClaimedUntil, now.AddMinutes(5)).SetProperty(w => w.Attempts, 1)));

        var restarted = app.NewRunner();
        Assert.Equal(0, await restarted.RunDueAsync());
        Assert.False(CountingWork.Runs.ContainsKey(key));

        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await restarted.RunDueAsync());

        var work = await app.WorkAsync(CountingWork.WorkKind, key);
        Assert.Equal(WorkState.Done, work.State);
        Assert.Equal(2, work.Attempts);
        Assert.Equal(restarted.NodeId, work.ClaimedBy);
        Assert.Null(work.ClaimedUntil);
        Assert.Equal(restarted.NodeId, Assert.Single(CountingWork.Runs[key]));
    }

    [Fact]
    public async Task Scheduling_the_same_kind_and_key_twice_from_two_nodes_leaves_one_row_with_the_first_due_time()
    {
        await using var other = app.SecondNode();
        var key = $"幂等-{Guid.NewGuid():N}";
        var first = app.Clock.GetUtcNow().AddYears(3);

        Assert.True(await app.ScheduleAsync(CountingWork.WorkKind, key, first, new { Note = "第一次" }));
        Assert.False(await app.ScheduleAsync(CountingWork.WorkKind, key, first.AddDays(1), new { Note = "第二次" }));
        Assert.False(await other.ScheduleAsync(CountingWork.WorkKind, key, first.AddDays(2)));
        // the same key under another kind is other work
        Assert.True(await app.ScheduleAsync(FailingWork.WorkKind, key, first));

        var rows = await app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking().Where(w => w.Key == key && w.Kind == CountingWork.WorkKind).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(first, row.DueAt);
        Assert.Contains("第一次", row.Payload);
        Assert.Equal(WorkState.Pending, row.State);
        // a deadline three years ahead is a row, not a timer: nothing runs it before then
        Assert.Equal(0, await app.NewRunner().RunDueAsync());
    }

    [Fact]
    public async Task A_failing_item_is_retried_with_growing_pauses_then_marked_failed_with_its_error()
    {
        var key = $"重试-{Guid.NewGuid():N}";
        await app.ScheduleAsync(FailingWork.WorkKind, key, app.Clock.GetUtcNow(), maxAttempts: 3);
        var runner = app.NewRunner();

        Assert.Equal(1, await runner.RunDueAsync());
        var work = await app.WorkAsync(FailingWork.WorkKind, key);
        Assert.Equal(WorkState.Pending, work.State);
        Assert.Equal(1, work.Attempts);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(1), work.DueAt);
        Assert.Contains("模拟的外部服务不可用（第 1 次）", work.LastError);
        Assert.Equal(0, await runner.RunDueAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await runner.RunDueAsync());
        work = await app.WorkAsync(FailingWork.WorkKind, key);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(2), work.DueAt);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await runner.RunDueAsync());
        work = await app.WorkAsync(FailingWork.WorkKind, key);
        Assert.Equal(WorkState.Failed, work.State);
        Assert.Equal(3, work.Attempts);
        Assert.Equal(app.Clock.GetUtcNow(), work.FinishedAt);
        Assert.Contains("（第 3 次）", work.LastError);

        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await runner.RunDueAsync());
        var audit = await app.WithDbAsync(db => db.Set<Biaogan.Web.Infrastructure.Audit.AuditEntry>().AsNoTracking()
            .Where(a => a.EntityId == work.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains(audit, a => a.StartsWith("安排后台任务", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.StartsWith("后台任务失败", StringComparison.Ordinal) && a.Contains("已尝试 3 次"));
    }

    [Fact]
    public void Recurring_occurrences_fall_on_one_grid_so_every_node_picks_the_same_next_one()
    {
        var hourly = Recurrence.Every(TimeSpan.FromHours(1));
        var at = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero), hourly.NextAfter(at));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero), hourly.NextAfter(at.AddMinutes(59)));
        Assert.Equal("2026-11-27T03:00:00Z", Recurrence.KeyOf(hourly.NextAfter(at.AddSeconds(1))));
        // 00:05 China Standard Time is 16:05 UTC of the day before
        var daily = Recurrence.DailyAtChinaTime(new TimeOnly(0, 5));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 5, 0, TimeSpan.FromHours(8)), daily.NextAfter(at));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 5, 0, TimeSpan.FromHours(8)), daily.NextAfter(new DateTimeOffset(2026, 11, 28, 0, 5, 0, TimeSpan.FromHours(8))));
    }
}
