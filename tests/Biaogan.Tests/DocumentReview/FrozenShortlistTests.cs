using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.DocumentReview;

/// <summary>A finalised shortlist keeps the ranking version it was made on (issue 13 item 3).</summary>
public class FrozenShortlistTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_finalised_shortlist_shows_the_figures_it_was_made_on_after_a_consensus_is_reopened_and_the_ranking_recomputed()
    {
        var apps = await RankingBuilders.ScoredAsync(app, AwardCategory.Service, [85, 60]);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var api = await office.ApiAsync();
        var recorded = await api.PostAsJsonAsync($"/api/document-review/shortlist/{cycleId}/Service/record", new
        {
            entries = apps.Select(a => new { applicationId = a.Id, selected = a.Base == 85, reason = a.Base == 85 ? "得分领先，委员多数同意" : "得分靠后" }),
            version = 0,
        });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        await StageReportsKit.DeliberateAsync(app, cycleId, StageReportKind.DocumentReview);
        var version = await app.WithDbAsync(db => db.Set<ShortlistDecision>().Where(d => d.CycleId == cycleId && d.Category == AwardCategory.Service)
            .Select(d => d.Version).FirstAsync());
        var finalised = await api.PostAsJsonAsync($"/api/document-review/shortlist/{cycleId}/Service/finalise", new { version });
        Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
        var kept = await app.WithDbAsync(db => db.Set<ShortlistDecision>().AsNoTracking().FirstAsync(d => d.CycleId == cycleId && d.Category == AwardCategory.Service));
        Assert.NotNull(kept.RankingVersion);
        var points = ScoreText.F(Math.Round(await RankingBuilders.ConsensusTotalAsync(app, 85), 2));
        var url = $"/DocumentReview/Shortlist?cycleId={cycleId}&category=Service";
        Assert.Contains(points, TopRow(await office.GetAsync(url), apps[0].Name));

        // The office corrects the top application's consensus after the shortlist was final; the ranking is recomputed.
        var sheet = await app.WithDbAsync(db => db.Set<ConsensusSheet>().AsNoTracking().FirstAsync(s => s.ApplicationId == apps[0].Id));
        await app.WithScopeAsync(sp => sp.GetRequiredService<ConsensusWorkflow>().ReopenAsync(sheet.Id, "组长申请更正条目得分", sheet.Version));
        await FrozenRankingTests.RunAsync(app, Assert.Single(await FrozenRankingTests.RecomputeWorkAsync(app, cycleId)));

        var live = await FrozenRankingTests.RankingAsync(office, cycleId);
        Assert.False(live.GetProperty("updating").GetBoolean());
        Assert.True(live.GetProperty("version").GetInt32() > kept.RankingVersion);
        Assert.Equal(JsonValueKind.Null, FrozenRankingTests.Row(live, apps[0].Name).GetProperty("consensusPoints").ValueKind);
        var page = await office.GetAsync(url);
        Assert.Contains(points, TopRow(page, apps[0].Name));
        Assert.Contains($"入围名单依据资料评审排名第 {kept.RankingVersion} 版", page.QuerySelector("#ranking-version")!.TextContent);
        Assert.Null(page.QuerySelector("#ranking-updating"));
    }

    private static string TopRow(AngleSharp.Dom.IDocument page, string name) =>
        page.QuerySelectorAll("tr").Select(r => r.TextContent).First(t => t.Contains(name));
}
