using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Biaogan.Tests.Lists;

/// <summary>标杆与证书 as a server-side list: paging in the database, each filter, sorts, refused values, the page and the Excel export.</summary>
public class AwardListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int _sequence = 600;

    /// <summary>One award per name (each its own organisation in <paramref name="province"/>), granted in <paramref name="year"/>.</summary>
    private async Task<List<Award>> AwardsAsync(IEnumerable<string> names, int year = 2031, string province = "11",
        AwardStatus status = AwardStatus.Valid, bool plaque = false, AwardCategory category = AwardCategory.Enterprise)
    {
        var awards = new List<Award>();
        foreach (var name in names)
        {
            var applicant = await Cast.ApplicantAsync(app, name);
            var now = app.Clock.GetUtcNow();
            var award = new Award(Guid.NewGuid(), year, Guid.NewGuid(), applicant.OrganizationId!.Value, name, category,
                category == AwardCategory.Service ? "城市供水服务" : null, Interlocked.Increment(ref _sequence), now);
            if (plaque) award.RecordPlaque($"JP-{_sequence}", null, null, null, app.Clock.Today());
            if (status != AwardStatus.Valid)
                award.Apply(status == AwardStatus.Revoked ? AwardAction.Revoke : AwardAction.BeginConfirmation,
                    new DecidedCase(Guid.NewGuid(), "JD-2031-001"), "经核查作出决定。", now);
            await app.WithDbAsync(async db =>
            {
                var org = await db.Set<Organization>().FirstAsync(o => o.Id == applicant.OrganizationId);
                org.ProvinceCode = province;
                org.CityCode = province + "01";
                db.Add(award);
                await db.SaveChangesAsync();
            });
            awards.Add(award);
        }
        return awards;
    }

    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("organization").GetString()!).ToList();

    private static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task The_api_pages_the_awards_in_the_database_so_that_page_two_holds_what_page_one_does_not()
    {
        await AwardsAsync(["标页甲3有限公司", "标页甲1有限公司", "标页甲5有限公司", "标页甲2有限公司", "标页甲4有限公司"]);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var first = await office.Http.GetFromJsonAsync<JsonElement>($"/api/awards?q={Q("标页甲")}&size=2&sort=organization");
        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(3, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(["标页甲1有限公司", "标页甲2有限公司"], Names(first));
        var second = await office.Http.GetFromJsonAsync<JsonElement>($"/api/awards?q={Q("标页甲")}&size=2&sort=organization&p=2");
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(["标页甲3有限公司", "标页甲4有限公司"], Names(second));
        var last = await office.Http.GetFromJsonAsync<JsonElement>($"/api/awards?q={Q("标页甲")}&size=2&sort=organization&dir=desc&p=3");
        Assert.Equal(["标页甲1有限公司"], Names(last));
    }

    [Fact]
    public async Task Each_filter_narrows_the_awards()
    {
        await AwardsAsync(["标筛乙有效有限公司"], year: 2032, province: "31");
        await AwardsAsync(["标筛乙撤销有限公司"], year: 2032, province: "44", status: AwardStatus.Revoked);
        await AwardsAsync(["标筛乙确认有限公司"], year: 2033, province: "31", status: AwardStatus.UnderConfirmation, plaque: true);
        await AwardsAsync(["标筛乙服务有限公司"], year: 2033, province: "44", category: AwardCategory.Service);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        async Task<List<string>> ListAsync(string filter) =>
            Names(await office.Http.GetFromJsonAsync<JsonElement>($"/api/awards?q={Q("标筛乙")}&sort=organization&{filter}")).Order().ToList();

        Assert.Equal(4, (await ListAsync("")).Count);
        Assert.Equal(["标筛乙撤销有限公司", "标筛乙有效有限公司"], await ListAsync("year=2032"));
        Assert.Equal(["标筛乙撤销有限公司"], await ListAsync("status=Revoked"));
        Assert.Equal(["标筛乙确认有限公司"], await ListAsync("status=UnderConfirmation"));
        Assert.Equal(["标筛乙服务有限公司"], await ListAsync("category=Service"));
        Assert.Equal(["标筛乙有效有限公司", "标筛乙确认有限公司"], await ListAsync("region=31"));
        Assert.Equal(["标筛乙确认有限公司"], await ListAsync("plaque=true"));
        Assert.Equal(3, (await ListAsync("plaque=false")).Count);
        Assert.Equal(4, (await ListAsync("industry=C")).Count);
        Assert.Empty(await ListAsync("industry=A"));
        var byDefault = Names(await office.Http.GetFromJsonAsync<JsonElement>($"/api/awards?q={Q("标筛乙")}"));
        Assert.StartsWith("标筛乙", byDefault[0]);
        Assert.DoesNotContain("2032", (await office.Http.GetFromJsonAsync<JsonElement>($"/api/awards?q={Q("标筛乙")}"))
            .GetProperty("items")[0].GetProperty("certificateNumber").GetString());
        var number = (await office.Http.GetFromJsonAsync<JsonElement>($"/api/awards?q={Q("标筛乙服务")}"))
            .GetProperty("items")[0].GetProperty("certificateNumber").GetString()!;
        Assert.Equal(["标筛乙服务有限公司"], Names(await office.Http.GetFromJsonAsync<JsonElement>($"/api/awards?q={number.ToLowerInvariant()}")));
    }

    [Theory]
    [InlineData("status=Lost", "状态“Lost”不存在")]
    [InlineData("status=1", "状态“1”不存在")]
    [InlineData("category=Factory", "类别“Factory”不存在")]
    [InlineData("region=99", "地区代码“99”不存在")]
    [InlineData("industry=Z", "行业门类“Z”不存在")]
    public async Task A_filter_value_that_names_nothing_is_refused_in_chinese(string filter, string message)
    {
        await AwardsAsync(["标拒丙有限公司"]);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var api = await office.Http.GetAsync($"/api/awards?{filter}");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains(message, await api.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await office.Http.GetAsync($"/api/awards/export?{filter}")).StatusCode);
        Assert.Contains(message, PageClient.Text(await office.GetAsync($"/Awards?{filter}")));
    }

    [Fact]
    public async Task The_page_shows_one_page_with_a_pager_and_sort_links_that_keep_the_filters()
    {
        await AwardsAsync(["标翻丁1有限公司", "标翻丁2有限公司", "标翻丁3有限公司"], province: "32");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var page = await office.GetAsync($"/Awards?q={Q("标翻丁")}&region=32&size=2&sort=organization&p=2");
        var rows = page.QuerySelectorAll("#awards-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Single(rows);
        Assert.Contains("标翻丁3有限公司", rows[0]);
        var pager = page.QuerySelector("nav.pager")!;
        Assert.Contains("共 3 条", pager.TextContent);
        Assert.Contains("region=32", pager.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        var sortByName = page.QuerySelectorAll("#awards-table th a.sort-link").First(a => a.TextContent.StartsWith("组织"));
        Assert.Contains("dir=desc", sortByName.GetAttribute("href"));
        Assert.Contains("region=32", sortByName.GetAttribute("href"));
        Assert.Contains("region=32", page.QuerySelector("#export-xlsx")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_office_exports_the_filtered_awards_with_contacts_and_the_export_is_audited()
    {
        await AwardsAsync(["标导戊2有限公司", "标导戊1有限公司"], province: "33", plaque: true);
        await AwardsAsync(["标导戊3有限公司"], province: "33");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var response = await office.Http.GetAsync($"/Awards/Export?q={Q("标导戊")}&plaque=true&sort=organization");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["标导戊1有限公司", "标导戊2有限公司"], rows.Select(r => (string)r["组织"]).ToList());
        Assert.All(rows, r => Assert.Equal("浙江省", r["地区"]));
        Assert.All(rows, r => Assert.Equal("有效", r["状态"]));
        Assert.All(rows, r => Assert.StartsWith("JP-", (string)r["奖牌编号"]));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r["联系人"]?.ToString())));

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == ActionAudit.ListExport)
            .OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal("导出标杆名单（Excel，2 条）", entry.Action);
        Assert.Contains("已登记奖牌", entry.After);
        Assert.Equal(HttpStatusCode.OK, (await office.Http.GetAsync($"/api/awards/export?q={Q("标导戊")}")).StatusCode);
    }

    [Fact]
    public async Task The_public_registry_pages_and_filters_anonymously_with_the_same_shape()
    {
        await AwardsAsync(["公名己1有限公司", "公名己2有限公司", "公名己3有限公司"], year: 2034, province: "35");
        await AwardsAsync(["公名己4有限公司"], year: 2034, province: "36", status: AwardStatus.Revoked);
        var anonymous = Cast.Anonymous(app);

        var first = await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/public/benchmarks?q={Q("公名己")}&size=2&sort=organization");
        Assert.Equal(4, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(["公名己1有限公司", "公名己2有限公司"], Names(first));
        Assert.Equal(["公名己3有限公司", "公名己4有限公司"],
            Names(await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/public/benchmarks?q={Q("公名己")}&size=2&sort=organization&p=2")));
        Assert.Equal(["公名己4有限公司"], Names(await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/public/benchmarks?q={Q("公名己")}&status=Revoked")));
        Assert.Equal(3, (await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/public/benchmarks?q={Q("公名己")}&region=35")).GetProperty("total").GetInt32());
        var refused = await anonymous.Http.GetAsync("/api/public/benchmarks?region=99");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var page = await anonymous.GetAsync($"/Public/Benchmarks?q={Q("公名己")}&year=2034&size=3");
        Assert.Equal(3, page.QuerySelectorAll("table.registry tbody tr").Length);
        Assert.Contains("2034年度（4 个）", PageClient.Text(page));
        var next = page.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("year=2034", next);
        var second = await anonymous.GetAsync(next);
        Assert.Contains("公名己4有限公司", second.QuerySelector("table.registry")!.TextContent);
        Assert.Contains("地区代码“99”不存在", PageClient.Text(await anonymous.GetAsync("/Public/Benchmarks?region=99")));
    }
}
