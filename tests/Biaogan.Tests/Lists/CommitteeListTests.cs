using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Lists;

/// <summary>
/// The ranking and the shortlist as server-side lists (decision 0054): paged, filtered and sorted on the stored ranking;
/// the committee's figures (counts, the outcome of every application) stay whole when only a page is shown.
/// </summary>
public class CommitteeListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<AppFactory, (List<ScoredApplication> Enterprise, List<ScoredApplication> Service, Guid CycleId)> Built = [];

    /// <summary>Five enterprise applications (the second in 北京 with a 申报编号), two service ones.</summary>
    private async Task<(List<ScoredApplication> Enterprise, List<ScoredApplication> Service, Guid CycleId)> ScenarioAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Built.TryGetValue(app, out var s)) return s;
            var enterprise = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [60, 80, 50, 70, 40]);
            var service = await RankingBuilders.ScoredAsync(app, AwardCategory.Service, [55, 65]);
            var cycle = await ApplicationsBuilders.OpenCycleAsync(app);
            await app.WithDbAsync(async db =>
            {
                var beijing = await db.Set<Application>().Where(a => a.Id == enterprise[1].Id).Select(a => a.OrganizationId).FirstAsync();
                await db.Set<Organization>().Where(o => o.Id != beijing).ExecuteUpdateAsync(u => u.SetProperty(o => o.ProvinceCode, "31"));
                await db.Set<Organization>().Where(o => o.Id == beijing).ExecuteUpdateAsync(u => u.SetProperty(o => o.ProvinceCode, "11"));
                await db.Set<Application>().Where(a => a.Id == enterprise[1].Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Number, "QY2099-0777"));
            });
            return Built[app] = (enterprise, service, cycle.Id);
        }
        finally { Once.Release(); }
    }

    private static List<string?> Names(JsonElement ranking) =>
        ranking.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();

    [Fact]
    public async Task The_ranking_API_pages_sorts_and_filters_the_stored_ranking_and_counts_each_whole_category()
    {
        var (enterprise, _, cycleId) = await ScenarioAsync();
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var byScore = enterprise.OrderByDescending(e => e.Base).Select(e => e.Name).ToList();

        var first = await office.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?category=Enterprise&size=2");
        Assert.Equal(byScore.Take(2), Names(first));
        Assert.Equal((5, 3, 1, 2), (first.GetProperty("rows").GetProperty("total").GetInt32(), first.GetProperty("rows").GetProperty("pageCount").GetInt32(),
            first.GetProperty("rows").GetProperty("page").GetInt32(), first.GetProperty("rows").GetProperty("pageSize").GetInt32()));
        Assert.Equal([5, 2], first.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("count").GetInt32()));
        var third = await office.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?category=Enterprise&size=2&p=9");
        Assert.Equal((3, byScore[4]), (third.GetProperty("rows").GetProperty("page").GetInt32(), Names(third).Single()));
        Assert.Equal([5], third.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()));

        var lowest = await office.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?category=Enterprise&sort=consensus&dir=asc&size=1");
        Assert.Equal(byScore[^1], Names(lowest).Single());
        var all = await office.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}");
        Assert.Equal(7, all.GetProperty("rows").GetProperty("total").GetInt32());
        Assert.Equal(["Enterprise", "Enterprise", "Enterprise", "Enterprise", "Enterprise", "Service", "Service"],
            all.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("category").GetString()));

        var beijing = await office.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?region=11");
        Assert.Equal([enterprise[1].Name], Names(beijing));
        var byNumber = await office.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?q=qy2099-07");
        Assert.Equal([enterprise[1].Name], Names(byNumber));
        var byName = await office.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?q={Uri.EscapeDataString(enterprise[3].Name[2..])}");
        Assert.Equal([enterprise[3].Name], Names(byName));

        var bad = await office.Http.GetAsync($"/api/document-review/ranking/{cycleId}?region=99&category=Both");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("地区代码“99”不存在", problem);
        Assert.Contains("类别“Both”不存在", problem);
    }

    [Fact]
    public async Task The_ranking_page_renders_one_page_with_the_pager_and_keeps_the_filters_in_its_links()
    {
        var (enterprise, _, cycleId) = await ScenarioAsync();
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var page = await office.GetAsync($"/DocumentReview/Ranking?cycleId={cycleId}&category=Enterprise&size=2&sort=consensus&dir=desc");
        var rows = page.QuerySelectorAll("#ranking-table tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains(enterprise.MaxBy(e => e.Base)!.Name, rows[0].TextContent);
        Assert.Contains("共 5 条，第 1 / 3 页", PageClient.Text(page));
        var next = page.QuerySelector("a.pager-next")!.GetAttribute("href")!;
        Assert.Contains("category=Enterprise", next);
        Assert.Contains("sort=consensus", next);
        Assert.Contains("p=2", next);
        // The charts still show the whole ranking of each category.
        Assert.Equal(2, page.QuerySelectorAll("svg.score-chart").Length);
        Assert.Contains("企业类分数分布（全部 5 项）", PageClient.Text(page));

        var refused = await office.GetAsync($"/DocumentReview/Ranking?cycleId={cycleId}&industry=ZZ");
        Assert.Contains("行业门类“ZZ”不存在", PageClient.Text(refused));
    }

    [Fact]
    public async Task A_committee_member_searches_by_alias_while_names_are_hidden_and_may_not_filter_by_organisation()
    {
        var (enterprise, _, cycleId) = await ScenarioAsync();
        var member = await Cast.SignInAsync(app, await RankingBuilders.CommitteeAsync(app, "冯委员"));

        var hidden = await member.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?category=Enterprise&size=1");
        var alias = Names(hidden).Single()!;
        Assert.StartsWith("申报 ", alias);
        var found = await member.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?q={Uri.EscapeDataString(alias)}");
        Assert.Equal([alias], Names(found));
        // The real name and number find nothing behind an alias, and the organisation facets are refused.
        var byName = await member.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?category=Enterprise&q={Uri.EscapeDataString(enterprise[0].Name)}");
        Assert.Empty(Names(byName));
        var byRegion = await member.Http.GetAsync($"/api/document-review/ranking/{cycleId}?category=Enterprise&region=11");
        Assert.Equal(HttpStatusCode.BadRequest, byRegion.StatusCode);
        Assert.Contains("名称已隐藏", await byRegion.Content.ReadAsStringAsync());
        var byName2 = await member.Http.GetFromJsonAsync<JsonElement>($"/api/document-review/ranking/{cycleId}?category=Enterprise&sort=name&size=50");
        Assert.All(Names(byName2), n => Assert.StartsWith("申报 ", n));

        var shortlist = await member.GetAsync($"/DocumentReview/Shortlist?cycleId={cycleId}&category=Enterprise&region=11");
        Assert.Contains("不能按地区、行业或所属集团筛选", PageClient.Text(shortlist));
        Assert.Equal(5, shortlist.QuerySelectorAll("form.vote-form").Length);
    }

    [Fact]
    public async Task The_office_records_the_outcome_page_by_page_and_the_counts_and_the_finalise_check_cover_the_whole_category()
    {
        var (enterprise, _, cycleId) = await ScenarioAsync();
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var url = $"/DocumentReview/Shortlist?cycleId={cycleId}&category=Enterprise&size=3";
        var first = await office.GetAsync(url);
        Assert.Equal(3, first.QuerySelectorAll("input[name$='.ApplicationId']").Length);
        Assert.Contains("本类别可评议 5 项", PageClient.Text(first));

        var recorded = await office.SubmitAsync(first, Reasons(first, "综合得分领先", true), formSelector: "form[action*='handler=Record']");
        Assert.Empty(recorded.Errors);
        Assert.Contains("已记录评议结果 3 项", recorded.Text);
        Assert.Contains("未记录 2 项", recorded.Text);
        var decision = await DecisionAsync(cycleId);
        Assert.Equal(3, decision.Entries.Count);

        // The unrecorded ones are one filter away; recording them keeps the first page's outcome.
        var rest = await office.GetAsync(url + "&recorded=no");
        var restIds = rest.QuerySelectorAll("input[name$='.ApplicationId']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(2, restIds.Count);
        Assert.DoesNotContain(restIds, id => decision.Entries.Any(e => e.ApplicationId.ToString() == id));
        var second = await office.SubmitAsync(rest, Reasons(rest, "得分靠后", false), formSelector: "form[action*='handler=Record']");
        Assert.Empty(second.Errors);
        Assert.Contains("已记录评议结果 5 项", second.Text);
        decision = await DecisionAsync(cycleId);
        Assert.Equal(5, decision.Entries.Count);
        Assert.Equal(3, decision.Entries.Count(e => e.Reason == "综合得分领先"));
        Assert.Equal(enterprise.OrderByDescending(e => e.Base).Select(e => e.Id), decision.Entries.Select(e => e.ApplicationId));
        var none = await office.GetAsync(url + "&recorded=no");
        Assert.Empty(none.QuerySelectorAll("input[name$='.ApplicationId']"));
        var selected = await office.GetAsync(url + "&recorded=selected&size=50");
        Assert.Equal(3, selected.QuerySelectorAll("input[name$='.ApplicationId']").Length);
    }

    [Fact]
    public async Task The_office_sees_the_votes_of_the_rows_of_its_page_counted_apart_from_the_conflicts()
    {
        var (enterprise, _, cycleId) = await ScenarioAsync();
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var lowest = enterprise.MinBy(e => e.Base)!;
        var (voter, other) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await app.WithDbAsync(async db =>
        {
            db.Add(new ShortlistVote(cycleId, lowest.Id, voter, true, "现场值得一看", app.Clock.GetUtcNow()));
            db.Add(new ShortlistVote(cycleId, lowest.Id, other, false, "不入围", app.Clock.GetUtcNow()));
            db.Add(new CommitteeConflict(cycleId, lowest.Id, other, CommitteeConflictSource.OfficeRecorded, "曾任顾问", "office", app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var last = await office.GetAsync($"/DocumentReview/Shortlist?cycleId={cycleId}&category=Enterprise&size=2&p=3");
        var tally = Assert.Single(last.QuerySelectorAll("td.tally")).TextContent;
        Assert.Contains("入围 1 · 不入围 0 · 回避 1", tally);
        var counts = await app.WithDbAsync(db => ShortlistQueries.CountsAsync(db, cycleId, default));
        Assert.Equal((1, 0, 1), counts[lowest.Id]);
    }

    private static Dictionary<string, string?> Reasons(AngleSharp.Dom.IDocument page, string reason, bool selected)
    {
        var fields = new Dictionary<string, string?>();
        var n = page.QuerySelectorAll("input[name$='.ApplicationId']").Length;
        for (var i = 0; i < n; i++)
        {
            fields[$"Outcome[{i}].Reason"] = reason;
            fields[$"Outcome[{i}].Selected"] = selected ? "true" : null;
        }
        return fields;
    }

    private Task<ShortlistDecision> DecisionAsync(Guid cycleId) => app.WithDbAsync(db =>
        db.Set<ShortlistDecision>().AsNoTracking().FirstAsync(d => d.CycleId == cycleId && d.Category == AwardCategory.Enterprise));
}
