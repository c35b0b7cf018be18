using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using MiniExcelLibs;

namespace Biaogan.Tests.DocumentReview;

/// <summary>资料评审排名: consensus totals per category, calibrated scores beside them, charts, Excel, and who sees names.</summary>
public class RankingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<AppFactory, (List<ScoredApplication> Enterprise, List<ScoredApplication> Service, Guid CycleId)> Built = [];

    private async Task<(List<ScoredApplication> Enterprise, List<ScoredApplication> Service, Guid CycleId)> ScenarioAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Built.TryGetValue(app, out var s)) return s;
            var enterprise = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [60, 80, 50, 70]);
            var service = await RankingBuilders.ScoredAsync(app, AwardCategory.Service, [55, 65, 45]);
            var cycle = await ApplicationsBuilders.OpenCycleAsync(app);
            return Built[app] = (enterprise, service, cycle.Id);
        }
        finally { Once.Release(); }
    }

    [Fact]
    public async Task The_office_sees_each_category_ranked_by_consensus_total_with_the_calibrated_score_beside_it()
    {
        var (enterprise, service, cycleId) = await ScenarioAsync();
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var json = await office.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?category=Enterprise");
        var categories = json.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(["Enterprise", "Service"], categories.Select(c => c.GetProperty("category").GetString()));
        var rows = json.GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(enterprise.OrderByDescending(e => e.Base).Select(e => e.Name), rows.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.GetProperty("rank").GetInt32()));
        foreach (var (row, scored) in rows.Zip(enterprise.OrderByDescending(e => e.Base)))
        {
            var consensus = row.GetProperty("consensusPoints").GetDouble();
            Assert.Equal(await RankingBuilders.ConsensusTotalAsync(app, scored.Base), consensus, 2);
            // Every application is scored by three of four reviewers whose severities sum to zero: calibration removes them.
            Assert.Equal(consensus, row.GetProperty("calibrated").GetDouble(), 0.5);
            Assert.True(row.GetProperty("isCalibrated").GetBoolean());
            Assert.True(row.GetProperty("spread").GetDouble() > 0);
            Assert.Equal(3, row.GetProperty("submittedSheets").GetInt32());
        }
        Assert.Equal(service.Count, categories[1].GetProperty("count").GetInt32());

        var page = await office.GetAsync($"/DocumentReview/Ranking?cycleId={cycleId}");
        var text = PageClient.Text(page);
        Assert.Contains("企业类 4 项", text);
        Assert.Contains("服务类 3 项", text);
        Assert.Contains(enterprise[1].Name, text);
        Assert.Equal(2, page.QuerySelectorAll("svg.score-chart").Length);
        await RankingArtifacts.SaveAsync("ranking-office", page);
        var svg = page.QuerySelector("svg.score-chart")!.OuterHtml;
        Assert.Contains("校准分", svg);
        if (Environment.GetEnvironmentVariable("BIAOGAN_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            Directory.CreateDirectory(artifacts);
            await File.WriteAllTextAsync(Path.Combine(artifacts, "ranking-chart.svg"), svg);
        }
    }

    [Fact]
    public async Task The_office_exports_the_ranking_to_Excel_with_Chinese_headers()
    {
        var (enterprise, _, cycleId) = await ScenarioAsync();
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var response = await office.Http.GetAsync($"/DocumentReview/Ranking?handler=Excel&cycleId={cycleId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["企业类", "服务类", "说明"], MiniExcel.GetSheetNames(stream));
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "企业类").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(enterprise.OrderByDescending(e => e.Base).First().Name, rows[0]["申报组织"]);
        Assert.Contains("校准分", rows[0].Keys);
        Assert.Contains("一致性总分", rows[0].Keys);
    }

    [Fact]
    public async Task A_committee_member_sees_aliases_until_the_office_reveals_the_names_and_cannot_export()
    {
        var (enterprise, _, cycleId) = await ScenarioAsync();
        var member = await Cast.SignInAsync(app, await RankingBuilders.CommitteeAsync(app));

        var json = await member.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?category=Service");
        var rows = json.GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("applicationId").ValueKind));
        Assert.All(rows, r => Assert.StartsWith("申报 ", r.GetProperty("name").GetString()));
        var page = PageClient.Text(await member.GetAsync($"/DocumentReview/Ranking?cycleId={cycleId}"));
        Assert.DoesNotContain(enterprise[0].Name, page);
        Assert.Contains("申报组织名称已隐藏", page);
        Assert.True(await Cast.IsForbiddenAsync(member, $"/DocumentReview/Ranking?handler=Excel&cycleId={cycleId}"));

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var shortlist = await office.GetAsync($"/DocumentReview/Shortlist?cycleId={cycleId}&category=Enterprise");
        await office.SubmitAsync(shortlist, new Dictionary<string, string?>(), formSelector: "form[action*='handler=Reveal']");

        var after = PageClient.Text(await member.GetAsync($"/DocumentReview/Ranking?cycleId={cycleId}"));
        Assert.Contains(enterprise[0].Name, after);
        var again = await member.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?category=Service");
        Assert.Equal(JsonValueKind.Null, again.GetProperty("rows").GetProperty("items")[0].GetProperty("applicationId").ValueKind);
        var revealed = await member.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?category=Enterprise");
        Assert.True(revealed.GetProperty("rows").GetProperty("items")[0].GetProperty("nameShown").GetBoolean());
    }

    [Fact]
    public async Task Reviewers_and_applicants_cannot_open_the_ranking()
    {
        var (_, _, cycleId) = await ScenarioAsync();
        var reviewer = await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));
        Assert.True(await Cast.IsForbiddenAsync(reviewer, "/DocumentReview/Ranking"));
        Assert.True(await Cast.IsForbiddenAsync(reviewer, $"/api/document-review/ranking/{cycleId}"));
    }
}
