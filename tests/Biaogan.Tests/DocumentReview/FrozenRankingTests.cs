using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.DocumentReview;

/// <summary>
/// The ranking is stored (issue 13 item 3): pages read the stored version; a score change schedules one recompute for a
/// burst, and until it runs the page shows the stored figures and says they are being updated.
/// </summary>
public class FrozenRankingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_burst_of_reopened_sheets_schedules_one_recompute_and_the_page_shows_the_stored_figures_as_updating_until_it_runs()
    {
        var apps = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [80, 60]);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var before = await RankingAsync(office, cycleId);
        Assert.False(before.GetProperty("updating").GetBoolean());
        Assert.Equal(3, Row(before, apps[0].Name).GetProperty("submittedSheets").GetInt32());

        // The office sends two of the top application's sheets back, one after the other.
        var sheets = await app.WithDbAsync(db => db.Set<ScoreSheet>().AsNoTracking()
            .Where(s => s.ApplicationId == apps[0].Id && s.Status == SheetStatus.Submitted).Select(s => new { s.Id, s.Version }).ToListAsync());
        var api = await office.ApiAsync();
        foreach (var s in sheets.Take(2))
            (await api.PostAsJsonAsync($"/api/document-review/office/sheets/{s.Id}/reopen", new { version = s.Version, reason = "评分依据不充分，请复核后重新提交" }))
                .EnsureSuccessStatusCode();

        var stale = await RankingAsync(office, cycleId);
        Assert.True(stale.GetProperty("updating").GetBoolean());
        Assert.Equal(before.GetProperty("version").GetInt32(), stale.GetProperty("version").GetInt32());
        Assert.Equal(3, Row(stale, apps[0].Name).GetProperty("submittedSheets").GetInt32());
        Assert.Contains("排名正在更新…，数据截至", PageClient.Text(await office.GetAsync($"/DocumentReview/Ranking?cycleId={cycleId}")));

        var work = await RecomputeWorkAsync(app, cycleId);
        Assert.Single(work);
        await RunAsync(app, work[0]);

        var after = await RankingAsync(office, cycleId);
        Assert.False(after.GetProperty("updating").GetBoolean());
        Assert.Equal(before.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());
        Assert.Equal(1, Row(after, apps[0].Name).GetProperty("submittedSheets").GetInt32());
        Assert.DoesNotContain("排名正在更新", PageClient.Text(await office.GetAsync($"/DocumentReview/Ranking?cycleId={cycleId}")));
    }

    [Fact]
    public async Task Sheets_changed_without_a_scheduled_recompute_are_computed_once_when_the_page_is_opened()
    {
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var first = await RankingAsync(office, cycleId);
        // Written straight into the database: no workflow announced them.
        var added = await RankingBuilders.ScoredAsync(app, AwardCategory.Service, [75]);
        var second = await RankingAsync(office, cycleId);
        Assert.False(second.GetProperty("updating").GetBoolean());
        Assert.True(second.GetProperty("version").GetInt32() > first.GetProperty("version").GetInt32());
        Assert.Equal(3, Row(second, added[0].Name).GetProperty("submittedSheets").GetInt32());
        var third = await RankingAsync(office, cycleId);
        Assert.Equal(second.GetProperty("version").GetInt32(), third.GetProperty("version").GetInt32());
    }

    internal static async Task<JsonElement> RankingAsync(PageClient client, Guid cycleId) =>
        await client.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?size=200");

    internal static JsonElement Row(JsonElement ranking, string name) => ranking.GetProperty("rows").GetProperty("items").EnumerateArray()
        .Single(r => r.GetProperty("name").GetString() == name);

    internal static Task<List<ScheduledWork>> RecomputeWorkAsync(AppFactory app, Guid cycleId) => app.WithDbAsync(async db =>
        (await db.Set<ScheduledWork>().AsNoTracking().Where(w => w.Kind == RankingRecomputeWork.WorkKind).ToListAsync())
            .Where(w => w.Key.StartsWith(RankingRecomputeWork.KeyPrefix(cycleId), StringComparison.Ordinal)).ToList());

    /// <summary>
    /// Lets the scheduled recompute run as it would in production: the clock moves to its due time and a runner of this
    /// node claims it (the app's own runner loop may claim it first; then this waits until that run is done).
    /// </summary>
    internal static async Task RunAsync(AppFactory app, ScheduledWork w)
    {
        var now = app.Clock.GetUtcNow();
        if (w.DueAt > now) app.Clock.Advance(w.DueAt - now);
        var runner = ActivatorUtilities.CreateInstance<WorkRunner>(app.Services);
        for (var i = 0; i < 600; i++)
        {
            await runner.RunDueAsync();
            var state = await app.WithDbAsync(db => db.Set<ScheduledWork>().Where(x => x.Id == w.Id).Select(x => x.State).FirstAsync());
            if (state == WorkState.Done) return;
            Assert.NotEqual(WorkState.Failed, state);
            await Task.Delay(100);
        }
        Assert.Fail("排名重新计算任务未能完成。");
    }
}
