using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Jobs;

/// <summary>The audit chain's head is published once a day as recurring scheduled work (00:05 China Standard Time).</summary>
public class AuditHeadWorkTests(JobsAppFactory app) : IClassFixture<JobsAppFactory>
{
    private const string Kind = "audit.head";

    [Fact]
    public async Task The_chain_head_is_published_at_five_past_midnight_China_time_once_per_day_by_one_row_per_day()
    {
        var runner = app.NewRunner();
        await runner.EnsureRecurringAsync(CancellationToken.None);
        // started 2026-11-27 10:00 China Standard Time: the first occurrence is 2026-11-28 00:05 China = 11-27 16:05 UTC
        var first = await app.WorkAsync(Kind, "2026-11-27T16:05:00Z");
        Assert.Equal(WorkState.Pending, first.State);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AuditChainCheckpoint>().CountAsync()));

        app.Clock.Advance(TimeSpan.FromHours(14.1));
        await runner.RunDueAsync();
        var done = await app.WorkAsync(Kind, "2026-11-27T16:05:00Z");
        Assert.Equal(WorkState.Done, done.State);
        Assert.StartsWith("已发布 2026年11月28日 的链头", done.Result);
        var checkpoint = await app.WithDbAsync(db => db.Set<AuditChainCheckpoint>().AsNoTracking().SingleAsync());
        Assert.Equal(new DateOnly(2026, 11, 28), checkpoint.Day);
        // the next day's occurrence waits as a row of its own
        Assert.Equal(WorkState.Pending, (await app.WorkAsync(Kind, "2026-11-28T16:05:00Z")).State);
    }
}
