using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Lists;

/// <summary>
/// The office's 现场评审 list as a server-side list (decision 0055): the shortlisted applications with their visits, paged,
/// filtered and sorted in the database; the stage's gate still counts the whole shortlist, not the page.
/// </summary>
public class OnSiteListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<AppFactory, (Guid CycleId, Dictionary<string, Guid> Ids, string SecondNumber)> Built = [];

    private const string Jia = "现场列甲有限公司", Yi = "现场列乙有限公司", Bing = "现场列丙有限公司", Ding = "现场列丁有限公司", Wu = "现场列戊有限公司";

    /// <summary>
    /// Five shortlisted applications (甲 乙 丙 in 上海, 丁 戊 in 广东; 戊 a service one; 甲 in industry C) and one that was
    /// not selected (己). Visits: 甲 筹备中, 乙 现场评审中 from 2027-04-12, 丙 and 丁 办公室已确认 with scores, 戊 none.
    /// </summary>
    private async Task<(Guid CycleId, Dictionary<string, Guid> Ids, string SecondNumber)> ScenarioAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Built.TryGetValue(app, out var s)) return s;
            var shanghai = await ListsKit.QueuedAsync(app, [Jia, Yi, Bing], ApplicationStatus.Qualified, province: "31");
            var guangdong = await ListsKit.QueuedAsync(app, [Ding, Wu, "现场列己有限公司"], ApplicationStatus.Qualified, province: "44");
            var ids = new Dictionary<string, Guid>
            {
                [Jia] = shanghai[0].Id, [Yi] = shanghai[1].Id, [Bing] = shanghai[2].Id, [Ding] = guangdong[0].Id, [Wu] = guangdong[1].Id,
            };
            var cycle = await ApplicationsBuilders.OpenCycleAsync(app);
            var leader = await AssignmentTestKit.ReviewerAsync(app, "现场列组长", "现场列组长单位", leader: true);
            await OnSiteTestKit.TeamAsync(app, ids[Yi], [leader.ProfileId]);
            var secondNumber = await app.WithDbAsync(async db =>
            {
                var now = app.Clock.GetUtcNow();
                var decision = new ShortlistDecision(cycle.Id, AwardCategory.Enterprise, now);
                decision.Record(ids.Values.Append(guangdong[2].Id).Select(id => new ShortlistEntry
                {
                    ApplicationId = id, Selected = id != guangdong[2].Id, VotesFor = 5, Reason = "资料评审成绩优秀。",
                }).ToList(), now);
                decision.Finalise("office", now);
                db.Add(decision);
                foreach (var name in new[] { Jia, Yi, Bing, Ding })
                    db.Add(new SiteVisit(cycle.Id, ids[name], Guid.NewGuid(), [("1.1", 60)], now));
                await db.SaveChangesAsync();
                await db.Set<Application>().Where(a => a.Id == ids[Wu]).ExecuteUpdateAsync(u => u.SetProperty(a => a.Category, AwardCategory.Service));
                var orgs = db.Set<Application>().Where(a => ids.Values.Contains(a.Id)).Select(a => a.OrganizationId);
                await db.Set<Organization>().Where(o => orgs.Contains(o.Id)).ExecuteUpdateAsync(u => u.SetProperty(o => o.IndustrySection, "I"));
                var jiaOrg = await db.Set<Application>().Where(a => a.Id == ids[Jia]).Select(a => a.OrganizationId).FirstAsync();
                await db.Set<Organization>().Where(o => o.Id == jiaOrg).ExecuteUpdateAsync(u => u.SetProperty(o => o.IndustrySection, "C"));
                await db.Set<SiteVisit>().Where(v => v.ApplicationId == ids[Yi]).ExecuteUpdateAsync(u => u
                    .SetProperty(v => v.Status, SiteVisitStatus.InProgress).SetProperty(v => v.StartDate, new DateOnly(2027, 4, 12)));
                await db.Set<SiteVisit>().Where(v => v.ApplicationId == ids[Bing]).ExecuteUpdateAsync(u => u
                    .SetProperty(v => v.Status, SiteVisitStatus.OfficeApproved).SetProperty(v => v.DocumentScore, 70m).SetProperty(v => v.OnSiteScore, 80m));
                await db.Set<SiteVisit>().Where(v => v.ApplicationId == ids[Ding]).ExecuteUpdateAsync(u => u
                    .SetProperty(v => v.Status, SiteVisitStatus.OfficeApproved).SetProperty(v => v.DocumentScore, 60m).SetProperty(v => v.OnSiteScore, 90m));
                return await db.Set<Application>().Where(a => a.Id == ids[Yi]).Select(a => a.Number!).FirstAsync();
            });
            return Built[app] = (cycle.Id, ids, secondNumber);
        }
        finally { Once.Release(); }
    }

    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("organization").GetString()!).ToList();

    [Fact]
    public async Task The_API_pages_sorts_and_filters_the_shortlisted_applications_with_their_visits()
    {
        var (cycleId, _, secondNumber) = await ScenarioAsync();
        var api = await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();
        async Task<JsonElement> ListAsync(string query) => await api.GetFromJsonAsync<JsonElement>($"/api/onsite/cycles/{cycleId}/visits?{query}");

        // paging: the next rows on page 2, the total of the whole filtered list, a page past the end shows the last one
        var first = await ListAsync("size=2&sort=organization");
        Assert.Equal((5, 3, 1, 2), (first.GetProperty("total").GetInt32(), first.GetProperty("pageCount").GetInt32(),
            first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32()));
        Assert.Equal([Ding, Bing], Names(first));
        Assert.Equal([Yi, Wu], Names(await ListAsync("size=2&sort=organization&p=2")));
        var beyond = await ListAsync("size=2&sort=organization&p=99");
        Assert.Equal(3, beyond.GetProperty("page").GetInt32());
        Assert.Equal([Jia], Names(beyond));
        Assert.Equal([Ding, Bing], Names(await ListAsync("size=2&sort=organization&p=-4")));
        Assert.Equal(200, (await ListAsync("size=5000")).GetProperty("pageSize").GetInt32());

        // filters: status (None = no visit yet), category, region, industry, name and number
        Assert.Equal([Wu], Names(await ListAsync("status=None")));
        var none = (await ListAsync("status=None")).GetProperty("items")[0];
        Assert.Equal(("None", "尚未建立现场评审记录"), (none.GetProperty("status").GetString(), none.GetProperty("statusText").GetString()));
        Assert.Equal([Jia], Names(await ListAsync("status=Planning")));
        Assert.Equal([Ding, Bing], Names(await ListAsync("status=OfficeApproved&sort=organization")));
        Assert.Equal([Wu], Names(await ListAsync("category=Service")));
        Assert.Equal([Ding, Wu], Names(await ListAsync("region=44&sort=organization")));
        Assert.Equal([Jia], Names(await ListAsync("industry=C")));
        Assert.Equal([Bing], Names(await ListAsync("q=" + Uri.EscapeDataString("列丙"))));
        Assert.Equal([Yi], Names(await ListAsync("q=" + secondNumber.ToLowerInvariant())));
        Assert.DoesNotContain("现场列己有限公司", Names(await ListAsync("size=200")));

        // sorts: the visit's stages in their order, start date, the two scores (highest first)
        var byStatus = Names(await ListAsync("sort=status"));
        Assert.Equal([Wu, Jia, Yi], byStatus.Take(3));
        Assert.Equal([Ding, Bing], byStatus.Skip(3).Order(StringComparer.Ordinal));
        Assert.Equal([Yi, Jia, Wu], Names(await ListAsync("sort=status&dir=desc")).Skip(2));
        Assert.Equal(Yi, Names(await ListAsync("sort=start"))[0]);
        Assert.Equal([Bing, Ding], Names(await ListAsync("sort=document")).Take(2));
        Assert.Equal([Ding, Bing], Names(await ListAsync("sort=onsite")).Take(2));
        Assert.Equal([Ding, Bing], Names(await ListAsync("sort=document&dir=asc")).TakeLast(2));
        var yi = (await ListAsync("q=" + Uri.EscapeDataString("列乙"))).GetProperty("items")[0];
        Assert.Equal((1, "现场列组长", "2027-04-12"), (yi.GetProperty("teamSize").GetInt32(), yi.GetProperty("leader").GetString(), yi.GetProperty("startDate").GetString()));

        // values that name nothing are refused, a page number that is not a number is a 400, never a 500
        var refused = await api.GetAsync($"/api/onsite/cycles/{cycleId}/visits?status=Lost&region=99");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("现场评审状态“Lost”不存在", problem);
        Assert.Contains("地区代码“99”不存在", problem);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/onsite/cycles/{cycleId}/visits?p=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/onsite/cycles/{Guid.NewGuid()}/visits")).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_one_page_keeps_the_filters_in_its_links_and_the_gate_counts_the_whole_shortlist()
    {
        var (cycleId, _, _) = await ScenarioAsync();
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var page = await office.GetAsync($"/OnSite?cycleId={cycleId}&size=2&sort=organization");
        var rows = page.QuerySelectorAll("#onsite-table tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains(Ding, rows[0].TextContent);
        Assert.Contains(Bing, rows[1].TextContent);
        Assert.Contains("共 5 条，第 1 / 3 页", PageClient.Text(page));
        var next = page.QuerySelector("nav.pager a.pager-next")!.GetAttribute("href")!;
        Assert.Contains($"cycleId={cycleId}", next);
        Assert.Contains("sort=organization", next);
        Assert.Contains("p=2", next);
        var second = await office.GetAsync(next);
        Assert.Contains(Yi, second.QuerySelectorAll("#onsite-table tbody tr")[0].TextContent);
        Assert.Contains("1 人，组长 现场列组长", second.QuerySelectorAll("#onsite-table tbody tr")[0].TextContent);

        // a filtered page: one row, but the heading and the closing confirmation count every shortlisted application
        var filtered = await office.GetAsync($"/OnSite?cycleId={cycleId}&region=44&status=None");
        Assert.Single(filtered.QuerySelectorAll("#onsite-table tbody tr"));
        Assert.Contains("尚未建立现场评审记录", filtered.QuerySelector("#onsite-table")!.TextContent);
        Assert.Contains("入围现场评审的申报（共 5 项）", PageClient.Text(filtered));
        var confirm = filtered.QuerySelector("form[action*='handler=Close'] button[data-confirm]")!.GetAttribute("data-confirm");
        Assert.Contains("2 个入围组织的现场评审报告已确认，另有 3 个将被留出", confirm);

        // a value that names nothing is a form error, bad page numbers open the list
        Assert.Contains("现场评审状态“Lost”不存在", PageClient.Text(await office.GetAsync($"/OnSite?cycleId={cycleId}&status=Lost")));
        Assert.Equal(5, (await office.GetAsync($"/OnSite?cycleId={cycleId}&p=-1")).QuerySelectorAll("#onsite-table tbody tr").Length);
        Assert.Contains("共 5 条", PageClient.Text(await office.GetAsync($"/OnSite?cycleId={cycleId}&p=abc")));
        Assert.Single((await office.GetAsync($"/OnSite?cycleId={cycleId}&size=2&p=99")).QuerySelectorAll("#onsite-table tbody tr"));
    }
}
