using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Jobs;

/// <summary>The 资料评审 scoring reminders run as recurring scheduled work: one row per hourly occurrence.</summary>
public class RecurringReminderWorkTests(JobsAppFactory app) : IClassFixture<JobsAppFactory>
{
    private const string Kind = "scoring.reminders";

    [Fact]
    public async Task The_reminder_round_is_an_hourly_row_that_schedules_its_next_occurrence_when_it_has_run()
    {
        var runner = app.NewRunner();
        await runner.EnsureRecurringAsync(CancellationToken.None);
        await runner.EnsureRecurringAsync(CancellationToken.None);
        // started 2026-11-27 10:00 China Standard Time = 02:00 UTC: the next occurrence is 03:00 UTC, once
        var first = await app.WorkAsync(Kind, "2026-11-27T03:00:00Z");
        Assert.Equal(WorkState.Pending, first.State);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ScheduledWork>().CountAsync(w => w.Kind == Kind)));
        var ran = await runner.RunDueAsync();
        var rows = await app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking().ToListAsync());
        Assert.True(ran == 0, string.Join("\n", rows.Select(w => $"{w.Kind} {w.Key} {w.State} {w.Attempts} {w.DueAt:O} {w.LastError} {w.Result}")) + $" now {app.Clock.GetUtcNow():O}");

        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await runner.RunDueAsync());
        var done = await app.WorkAsync(Kind, "2026-11-27T03:00:00Z");
        Assert.Equal(WorkState.Done, done.State);
        Assert.Equal("截止前提醒 0 份，逾期通知 0 份", done.Result);
        var next = await app.WorkAsync(Kind, "2026-11-27T04:00:00Z");
        Assert.Equal(WorkState.Pending, next.State);

        // a node that comes up now finds the occurrence waiting and adds none
        await app.NewRunner().EnsureRecurringAsync(CancellationToken.None);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<ScheduledWork>().CountAsync(w => w.Kind == Kind)));
    }
}
