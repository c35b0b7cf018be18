using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Biaogan.Tests.Lists;

/// <summary>资格审查 queue as a server-side list: paging, each filter, sorts and refused values on the page, in the API and in the export.</summary>
public class QualificationListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("organization").GetString()!).ToList();

    private static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task The_api_pages_the_queue_so_that_page_two_holds_what_page_one_does_not()
    {
        await ListsKit.QueuedAsync(app, ["资审甲3有限公司", "资审甲1有限公司", "资审甲5有限公司", "资审甲2有限公司", "资审甲4有限公司"],
            ApplicationStatus.AwaitingQualification);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var first = await office.Http.GetFromJsonAsync<JsonElement>($"/api/qualification/queue?q={Q("资审甲")}&size=2&sort=organization");
        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(3, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(["资审甲1有限公司", "资审甲2有限公司"], Names(first));
        var second = await office.Http.GetFromJsonAsync<JsonElement>($"/api/qualification/queue?q={Q("资审甲")}&size=2&sort=organization&p=2");
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(["资审甲3有限公司", "资审甲4有限公司"], Names(second));
        var descending = await office.Http.GetFromJsonAsync<JsonElement>($"/api/qualification/queue?q={Q("资审甲")}&size=2&sort=organization&dir=desc");
        Assert.Equal(["资审甲5有限公司", "资审甲4有限公司"], Names(descending));
    }

    [Fact]
    public async Task Each_filter_narrows_the_queue_and_the_default_order_puts_the_work_first()
    {
        var today = app.Clock.Today();
        await ListsKit.QueuedAsync(app, ["筛资乙决有限公司"], ApplicationStatus.Qualified, province: "31");
        await ListsKit.QueuedAsync(app, ["筛资乙补有限公司"], ApplicationStatus.SupplementRequested, province: "31", deadline: today.AddDays(5));
        await ListsKit.QueuedAsync(app, ["筛资乙逾有限公司"], ApplicationStatus.SupplementRequested, province: "44", deadline: today.AddDays(-1));
        await ListsKit.QueuedAsync(app, ["筛资乙审有限公司"], ApplicationStatus.AwaitingQualification, province: "44");
        await ListsKit.DraftsAsync(app, ["筛资乙草有限公司"]);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        async Task<List<string>> ListAsync(string filter) =>
            Names(await office.Http.GetFromJsonAsync<JsonElement>($"/api/qualification/queue?q={Q("筛资乙")}&{filter}"));

        // 待审查, then 待补正 (earliest deadline first), then decided; a draft is not in the queue at all
        Assert.Equal(["筛资乙审有限公司", "筛资乙逾有限公司", "筛资乙补有限公司", "筛资乙决有限公司"], await ListAsync(""));
        Assert.Equal(["筛资乙决有限公司", "筛资乙补有限公司", "筛资乙逾有限公司", "筛资乙审有限公司"], await ListAsync("dir=desc"));
        Assert.Equal(["筛资乙逾有限公司", "筛资乙补有限公司"], await ListAsync("status=SupplementRequested"));
        Assert.Equal(["筛资乙补有限公司", "筛资乙决有限公司"], await ListAsync("region=31"));
        Assert.Equal(["筛资乙逾有限公司"], await ListAsync("overdue=true"));
        Assert.Equal(["筛资乙审有限公司", "筛资乙逾有限公司", "筛资乙补有限公司", "筛资乙决有限公司"], await ListAsync("category=Enterprise&industry=C&year=2026"));
        Assert.Empty(await ListAsync("category=Service"));
        var byNumber = await office.Http.GetFromJsonAsync<JsonElement>($"/api/qualification/queue?q={Q("筛资乙审")}");
        var number = byNumber.GetProperty("items")[0].GetProperty("number").GetString()!;
        Assert.Equal(["筛资乙审有限公司"], Names(await office.Http.GetFromJsonAsync<JsonElement>($"/api/qualification/queue?q={number}")));
        var overdue = (await office.Http.GetFromJsonAsync<JsonElement>($"/api/qualification/queue?q={Q("筛资乙逾")}")).GetProperty("items")[0];
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
    }

    [Theory]
    [InlineData("status=Draft", "不在资格审查队列中")]
    [InlineData("status=Nonsense", "不在资格审查队列中")]
    [InlineData("category=Factory", "类别“Factory”不存在")]
    [InlineData("region=99", "地区代码“99”不存在")]
    [InlineData("industry=Z", "行业门类“Z”不存在")]
    public async Task A_filter_value_that_names_nothing_is_refused_in_chinese(string filter, string message)
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var api = await office.Http.GetAsync($"/api/qualification/queue?{filter}");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains(message, await api.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await office.Http.GetAsync($"/api/qualification/export?{filter}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.Http.GetAsync($"/api/qualification/reminder-recipients?{filter}")).StatusCode);
        var page = await office.GetAsync($"/Qualification?{filter}");
        Assert.Contains(message, PageClient.Text(page));
    }

    [Fact]
    public async Task The_page_shows_one_page_with_a_pager_and_sort_links_that_keep_the_filters()
    {
        await ListsKit.QueuedAsync(app, ["页资丙1有限公司", "页资丙2有限公司", "页资丙3有限公司"], ApplicationStatus.AwaitingQualification, province: "32");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var page = await office.GetAsync($"/Qualification?q={Q("页资丙")}&region=32&size=2&sort=organization&p=2");
        var rows = page.QuerySelectorAll("#qualification-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Single(rows);
        Assert.Contains("页资丙3有限公司", rows[0]);
        var pager = page.QuerySelector("nav.pager")!;
        Assert.Contains("共 3 条", pager.TextContent);
        var prev = pager.QuerySelector("a[rel=prev]")!.GetAttribute("href")!;
        Assert.Contains("region=32", prev);
        Assert.Contains("size=2", prev);
        var sortByName = page.QuerySelectorAll("#qualification-table th a.sort-link").First(a => a.TextContent.StartsWith("申报组织"));
        Assert.Contains("dir=desc", sortByName.GetAttribute("href"));
        Assert.Contains("region=32", sortByName.GetAttribute("href"));
        Assert.Contains("region=32", page.QuerySelector("#remind")!.GetAttribute("href"));
        Assert.Contains("region=32", page.QuerySelector("#export-xlsx")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_office_exports_the_filtered_queue_and_the_export_is_audited()
    {
        await ListsKit.QueuedAsync(app, ["导资丁2有限公司", "导资丁1有限公司"], ApplicationStatus.SupplementRequested, province: "33");
        await ListsKit.QueuedAsync(app, ["导资丁3有限公司"], ApplicationStatus.AwaitingQualification, province: "33");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var response = await office.Http.GetAsync($"/Qualification/Export?q={Q("导资丁")}&status=SupplementRequested&sort=organization");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["导资丁1有限公司", "导资丁2有限公司"], rows.Select(r => (string)r["申报组织"]).ToList());
        Assert.All(rows, r => Assert.Equal("待补正", r["状态"]));
        Assert.All(rows, r => Assert.Equal("浙江省", r["地区"]));

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == ActionAudit.ListExport)
            .OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal("导出资格审查队列（Excel，2 条）", entry.Action);
        Assert.Contains("状态：待补正", entry.After);
    }
}
