using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Lists;

/// <summary>全部申报 as a server-side list: paging, sorting and filters on the page and in the API, with more rows than a page.</summary>
public class ApplicationListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("organizationName").GetString()!).ToList();

    [Fact]
    public async Task The_api_pages_sorts_and_filters_a_list_longer_than_one_page()
    {
        await ListsKit.DraftsAsync(app, ["分页甲5有限公司", "分页甲2有限公司", "分页甲7有限公司", "分页甲1有限公司"], province: "31");
        await ListsKit.DraftsAsync(app, ["分页甲4有限公司", "分页甲6有限公司", "分页甲3有限公司"], province: "44", group: "南方测试集团");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var first = await office.Http.GetFromJsonAsync<JsonElement>("/api/applications?q=分页甲&size=3&sort=organization");
        Assert.Equal(7, first.GetProperty("total").GetInt32());
        Assert.Equal(3, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(["分页甲1有限公司", "分页甲2有限公司", "分页甲3有限公司"], Names(first));
        var last = await office.Http.GetFromJsonAsync<JsonElement>("/api/applications?q=分页甲&size=3&sort=organization&p=3");
        Assert.Equal(["分页甲7有限公司"], Names(last));
        var descending = await office.Http.GetFromJsonAsync<JsonElement>("/api/applications?q=分页甲&size=3&sort=organization&dir=desc");
        Assert.Equal(["分页甲7有限公司", "分页甲6有限公司", "分页甲5有限公司"], Names(descending));

        var shanghai = await office.Http.GetFromJsonAsync<JsonElement>("/api/applications?q=分页甲&region=31&sort=organization");
        Assert.Equal(["分页甲1有限公司", "分页甲2有限公司", "分页甲5有限公司", "分页甲7有限公司"], Names(shanghai));
        var group = await office.Http.GetFromJsonAsync<JsonElement>("/api/applications?group=南方测试&sort=organization");
        Assert.Equal(["分页甲3有限公司", "分页甲4有限公司", "分页甲6有限公司"], Names(group));
        var drafts = await office.Http.GetFromJsonAsync<JsonElement>("/api/applications?q=分页甲&status=Draft&category=Enterprise");
        Assert.Equal(0, drafts.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_page_shows_one_page_with_a_pager_and_sort_links_that_keep_the_filters()
    {
        await ListsKit.DraftsAsync(app, ["翻页乙1有限公司", "翻页乙2有限公司", "翻页乙3有限公司", "翻页乙4有限公司", "翻页乙5有限公司"]);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var page = await office.GetAsync("/Applications?q=翻页乙&size=2&sort=organization&p=2");
        var rows = page.QuerySelectorAll("#application-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("翻页乙3有限公司", rows[0]);
        Assert.Contains("翻页乙4有限公司", rows[1]);
        var pager = page.QuerySelector("nav.pager")!;
        Assert.Contains("共 5 条", pager.TextContent);
        var next = pager.QuerySelector("a[rel=next]")!;
        Assert.Equal("下一页", next.TextContent);
        Assert.Contains("p=3", next.GetAttribute("href"));
        Assert.Contains("q=%E7%BF%BB%E9%A1%B5%E4%B9%99", next.GetAttribute("href"));
        Assert.Contains("size=2", next.GetAttribute("href"));
        var prev = pager.QuerySelector("a[rel=prev]")!;
        Assert.Equal("上一页", prev.TextContent);
        var sortByName = page.QuerySelectorAll("#application-table th a.sort-link").First(a => a.TextContent.StartsWith("申报组织"));
        Assert.Contains("dir=desc", sortByName.GetAttribute("href"));
        Assert.Contains("q=%E7%BF%BB%E9%A1%B5%E4%B9%99", sortByName.GetAttribute("href"));

        var lastPage = await office.GetAsync(next.GetAttribute("href")!);
        Assert.Contains("翻页乙5有限公司", lastPage.QuerySelector("#application-table tbody")!.TextContent);
        Assert.Null(lastPage.QuerySelector("nav.pager a[rel=next]"));
    }

    [Fact]
    public async Task A_filter_that_names_nothing_is_refused_in_chinese_instead_of_listing_everything()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var response = await office.Http.GetAsync("/api/applications?status=Nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("状态“Nonsense”不存在", await response.Content.ReadAsStringAsync());
        var page = await office.GetAsync("/Applications?category=Nonsense");
        Assert.Contains("类别“Nonsense”不存在", PageClient.Text(page));
    }

    [Fact]
    public async Task An_applicant_filtering_the_list_still_sees_only_its_own_applications()
    {
        var own = (await ListsKit.DraftsAsync(app, ["自家丙有限公司"]))[0];
        await ListsKit.DraftsAsync(app, ["别家丙有限公司"]);
        var applicant = await Cast.SignInAsync(app, own.Applicant);
        var list = await applicant.Http.GetFromJsonAsync<JsonElement>("/api/applications?q=丙有限公司");
        Assert.Equal([own.Id], list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList());
    }
}
