using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Cycles;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Lists;

/// <summary>
/// The 审定 list as a server-side list (decision 0055): the round's organisations paged, filtered and sorted (in memory:
/// the round's items are one stored document), with the 申报编号 and the organisation facets read from the database; the
/// office records the conclusions page by page and the rest of the round keeps its conclusions.
/// </summary>
public class ApprovalListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<AppFactory, (Dictionary<string, Guid> Ids, string ThirdNumber)> Built = [];

    private const string Jia = "审定列甲有限公司", Yi = "审定列乙有限公司", Bing = "审定列丙有限公司", Ding = "审定列丁有限公司", Wu = "审定列戊有限公司";

    /// <summary>
    /// A round of five organisations in list order 甲 乙 丙 丁 戊 (甲 乙 丙 in 上海, 丁 戊 in 广东; 戊 a service one):
    /// 甲 审定通过, 乙 审定不通过, the others undecided; votes: 丙 two for, 丁 one for and one against, 戊 one recused.
    /// </summary>
    private async Task<(Dictionary<string, Guid> Ids, string ThirdNumber)> ScenarioAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Built.TryGetValue(app, out var s)) return s;
            var shanghai = await ListsKit.QueuedAsync(app, [Jia, Yi, Bing], ApplicationStatus.Qualified, province: "31");
            var guangdong = await ListsKit.QueuedAsync(app, [Ding, Wu], ApplicationStatus.Qualified, province: "44");
            var ids = new Dictionary<string, Guid>
            {
                [Jia] = shanghai[0].Id, [Yi] = shanghai[1].Id, [Bing] = shanghai[2].Id, [Ding] = guangdong[0].Id, [Wu] = guangdong[1].Id,
            };
            var cycle = await ApplicationsBuilders.OpenCycleAsync(app);
            var third = await app.WithDbAsync(async db =>
            {
                var now = app.Clock.GetUtcNow();
                var order = 0;
                var round = new ApprovalRound(cycle.Id, Guid.NewGuid(), new[] { Jia, Yi, Bing, Ding, Wu }.Select(name => new ApprovalItem
                {
                    ApplicationId = ids[name], OrganizationName = name, Order = ++order,
                    Category = name == Wu ? AwardCategory.Service : AwardCategory.Enterprise, ServiceName = name == Wu ? "售后服务" : null,
                }), now);
                round.Decide(ids[Jia], true, "审定委员会表决同意。");
                round.Decide(ids[Yi], false, "服务质量证据不足。");
                round.CastVote("m1", "钱委员", ids[Bing], ApprovalChoice.Approve, "", now);
                round.CastVote("m2", "孙委员", ids[Bing], ApprovalChoice.Approve, "", now);
                round.CastVote("m1", "钱委员", ids[Ding], ApprovalChoice.Approve, "", now);
                round.CastVote("m2", "孙委员", ids[Ding], ApprovalChoice.NotApprove, "投诉处理记录不完整。", now);
                round.CastVote("m1", "钱委员", ids[Wu], ApprovalChoice.Recused, "曾任该组织顾问。", now);
                db.Add(round);
                await db.SaveChangesAsync();
                return await db.Set<Application>().Where(a => a.Id == ids[Bing]).Select(a => a.Number!).FirstAsync();
            });
            return Built[app] = (ids, third);
        }
        finally { Once.Release(); }
    }

    private static List<string> Names(JsonElement state) =>
        state.GetProperty("round").GetProperty("items").GetProperty("items").EnumerateArray().Select(e => e.GetProperty("organization").GetString()!).ToList();

    [Fact]
    public async Task The_API_pages_sorts_and_filters_the_round_and_counts_the_whole_list()
    {
        var (_, thirdNumber) = await ScenarioAsync();
        var api = await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();
        async Task<JsonElement> StateAsync(string query) => await api.GetFromJsonAsync<JsonElement>($"/api/approval?{query}");

        var first = await StateAsync("size=2");
        var round = first.GetProperty("round");
        var items = round.GetProperty("items");
        Assert.Equal((5, 3, 1, 2), (items.GetProperty("total").GetInt32(), items.GetProperty("pageCount").GetInt32(),
            items.GetProperty("page").GetInt32(), items.GetProperty("pageSize").GetInt32()));
        Assert.Equal((5, 1, 1, 3), (round.GetProperty("count").GetInt32(), round.GetProperty("approved").GetInt32(),
            round.GetProperty("notApproved").GetInt32(), round.GetProperty("undecided").GetInt32()));
        Assert.Equal([Jia, Yi], Names(first));
        Assert.Empty(round.GetProperty("votes").EnumerateArray());
        var second = await StateAsync("size=2&p=2");
        Assert.Equal([Bing, Ding], Names(second));
        Assert.Equal(4, second.GetProperty("round").GetProperty("votes").GetArrayLength());
        Assert.Equal([3, 4], second.GetProperty("round").GetProperty("items").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("position").GetInt32()));
        var beyond = await StateAsync("size=2&p=99");
        Assert.Equal(3, beyond.GetProperty("round").GetProperty("items").GetProperty("page").GetInt32());
        Assert.Equal([Wu], Names(beyond));
        Assert.Equal([Jia, Yi], Names(await StateAsync("size=2&p=0")));

        // filters: the conclusion, category, region, name and number
        Assert.Equal([Bing, Ding, Wu], Names(await StateAsync("status=Undecided")));
        Assert.Equal([Jia], Names(await StateAsync("status=Approved")));
        Assert.Equal([Yi], Names(await StateAsync("status=NotApproved")));
        Assert.Equal([Wu], Names(await StateAsync("category=Service")));
        Assert.Equal([Ding, Wu], Names(await StateAsync("region=44")));
        Assert.Equal([Ding], Names(await StateAsync("region=44&category=Enterprise")));
        Assert.Equal([Yi], Names(await StateAsync("q=" + Uri.EscapeDataString("列乙"))));
        Assert.Equal([Bing], Names(await StateAsync("q=" + thirdNumber.ToLowerInvariant())));
        Assert.Equal(thirdNumber, (await StateAsync("q=" + thirdNumber)).GetProperty("round").GetProperty("items").GetProperty("items")[0]
            .GetProperty("number").GetString());

        // sorts: votes for and against (most first), the conclusion, the name, the list order reversed
        Assert.Equal([Bing, Ding], Names(await StateAsync("sort=for")).Take(2));
        Assert.Equal(Ding, Names(await StateAsync("sort=against"))[0]);
        Assert.Equal([Jia, Yi], Names(await StateAsync("sort=decision")).TakeLast(2));
        Assert.Equal(new[] { Jia, Yi, Bing, Ding, Wu }.Order().ToList(), Names(await StateAsync("sort=name")));
        Assert.Equal([Wu, Ding, Bing, Yi, Jia], Names(await StateAsync("sort=order&dir=desc")));

        // values that name nothing are refused; a page number that is not a number is a 400, never a 500
        var refused = await api.GetAsync("/api/approval?status=Maybe&industry=ZZ");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("审定结论“Maybe”不存在", problem);
        Assert.Contains("行业门类“ZZ”不存在", problem);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/approval?p=abc")).StatusCode);
    }

    [Fact]
    public async Task The_office_records_the_conclusions_of_one_page_and_the_rest_of_the_round_keeps_its_own()
    {
        var (ids, _) = await ScenarioAsync();
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var page = await office.GetAsync("/Approval?size=2&p=2");
        var rows = page.QuerySelectorAll("#approval-table tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains(Bing, rows[0].TextContent);
        Assert.Contains("2 / 0 / 0", rows[0].TextContent);
        Assert.Contains("共 5 条，第 2 / 3 页", PageClient.Text(page));
        Assert.Contains("size=2", page.QuerySelector("nav.pager a.pager-prev")!.GetAttribute("href"));
        Assert.Contains("共 5 个组织：审定通过 1 个，审定不通过 1 个，未记录结论 3 个", PageClient.Text(page));
        Assert.Equal(2, page.QuerySelectorAll("form[action*='handler=Decide'] fieldset").Length);
        // the finalise confirmation names every approved organisation of the round, not only the page's
        Assert.Contains(Jia, page.QuerySelector("form[action*='handler=Finalise'] button[data-confirm]")!.GetAttribute("data-confirm"));

        var saved = await office.SubmitAsync(page, new Dictionary<string, string?>
        {
            ["Decisions[0].Approved"] = "true", ["Decisions[0].Reason"] = "表决通过。",
            ["Decisions[1].Approved"] = "false", ["Decisions[1].Reason"] = "表决未通过。",
        }, formSelector: "form[action*='handler=Decide']");
        Assert.Empty(saved.Errors);
        Assert.Contains("已保存审定结论（2 个组织）", saved.Text);
        Assert.Contains("第 2 / 3 页", saved.Text);
        Assert.Contains("未记录结论 1 个", saved.Text);
        var items = (await app.WithDbAsync(db => db.Set<ApprovalRound>().AsNoTracking().FirstAsync())).Items;
        Assert.Equal((true, "审定委员会表决同意。"), (items.Single(i => i.ApplicationId == ids[Jia]).Approved!.Value, items.Single(i => i.ApplicationId == ids[Jia]).Reason));
        Assert.False(items.Single(i => i.ApplicationId == ids[Yi]).Approved);
        Assert.True(items.Single(i => i.ApplicationId == ids[Bing]).Approved);
        Assert.False(items.Single(i => i.ApplicationId == ids[Ding]).Approved);
        Assert.Null(items.Single(i => i.ApplicationId == ids[Wu]).Approved);

        var undecided = await office.GetAsync("/Approval?status=Undecided");
        Assert.Contains(Wu, Assert.Single(undecided.QuerySelectorAll("#approval-table tbody tr")).TextContent);

        // a value that names nothing is a form error; bad page numbers open the list
        Assert.Contains("审定结论“Maybe”不存在", PageClient.Text(await office.GetAsync("/Approval?status=Maybe")));
        Assert.Equal(5, (await office.GetAsync("/Approval?p=-2")).QuerySelectorAll("#approval-table tbody tr").Length);
        Assert.Contains("共 5 条", PageClient.Text(await office.GetAsync("/Approval?p=abc")));
    }

    [Fact]
    public async Task A_committee_member_filters_the_list_and_votes_only_on_the_rows_shown()
    {
        await ScenarioAsync();
        var member = await Cast.SignInAsync(app, await PublicNoticeKit.CommitteeMemberAsync(app, "审定列委员"));
        var page = await member.GetAsync("/Approval?region=44&sort=name");
        var rows = page.QuerySelectorAll("#approval-table tbody tr");
        Assert.Equal(new[] { Ding, Wu }.Order().ToList(), rows.Select(r => r.QuerySelectorAll("td")[2].TextContent.Split('（')[0]).ToList());
        Assert.Equal(2, page.QuerySelectorAll("#approval-table form[action*='handler=Vote']").Length);
        // the vote comes back to the same filtered list
        var action = page.QuerySelector("#approval-table form[action*='handler=Vote']")!.GetAttribute("action")!;
        Assert.Contains("region=44", action);
        Assert.Contains("sort=name", action);
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Decide']"));
    }
}
