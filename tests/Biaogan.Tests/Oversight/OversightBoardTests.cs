using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using MiniExcelLibs;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Oversight;

/// <summary>
/// Issue 12 item 10: the leading group's overview — benchmarks by status and year, confirmations due (third calendar year after
/// the award year), open cases with their deadlines, reports past due — each list exported to Excel with the same rows.
/// </summary>
public class OversightBoardTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_leading_group_sees_every_list_and_each_exports_to_Excel_with_the_same_rows()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "总览逾期报告有限公司");
        var office = await OfficeApiAsync(app);
        // happened 2026-10-01: the written report was due 2026-11-01, and nobody has filed it
        var incident = await JsonAsync(await office.PostAsJsonAsync("/api/supervision/incidents/register", new
        {
            awardId = winner.Award.Id, category = "FailedInspection", source = "Regulator", occurredOn = "2026-10-01", account = "省市场监管局通报抽查不合格。",
        }), HttpStatusCode.Created);
        var daysLate = incident.GetProperty("daysLate").GetInt32();
        Assert.True(daysLate > 0);

        var leader = await Cast.SignInAsync(app, await Cast.PersonAsync(app, "总览组长", Roles.LeadingGroup));
        var todo = await leader.GetAsync("/Progress/Todo");
        Assert.NotNull(todo.QuerySelector("#todo-leading a[href='/Oversight']"));
        var page = PageClient.Text(await leader.GetAsync("/Oversight"));
        Assert.Contains("总览逾期报告有限公司", page);
        Assert.Contains("逾期未交的报告", page);

        var late = await ExcelAsync(leader, "late-reports");
        var row = Assert.Single(late, r => (string)r["组织"] == "总览逾期报告有限公司");
        Assert.Equal(daysLate, Convert.ToInt32(row["逾期天数"]));
        Assert.Contains("监督抽查不合格", (string)row["事项"]);

        var cases = await ExcelAsync(leader, "open-cases");
        var open = Assert.Single(cases, r => (string)r["组织"] == "总览逾期报告有限公司");
        Assert.StartsWith("书面报告", (string)open["期限"]);
        Assert.Equal(daysLate, Convert.ToInt32(open["逾期天数"]));

        var benchmarks = await ExcelAsync(leader, "benchmarks");
        var b = Assert.Single(benchmarks, r => (string)r["证书编号"] == winner.Award.CertificateNumber);
        Assert.Equal($"{winner.Award.Year + 3}年1月1日", (string)b["应确认日期"]!); // default rule: the third calendar year after the award year
        var byStatus = await ExcelAsync(leader, "by-status");
        Assert.Contains(byStatus, r => Convert.ToInt32(r["年度"]) == winner.Award.Year && Convert.ToInt32(r["有效"]) >= 1);
    }

    internal static async Task<List<IDictionary<string, object>>> ExcelAsync(PageClient who, string list)
    {
        var response = await who.Http.GetAsync($"/Oversight?handler=Excel&list={list}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().Where(r => r.Values.Any(v => v is not null)).ToList();
    }
}

/// <summary>第二十四条: a benchmark is listed as due for confirmation once the third calendar year after its award has come.</summary>
public class ConfirmationsDueTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_benchmark_appears_among_the_confirmations_due_once_its_third_calendar_year_after_the_award_has_come()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "总览到期确认有限公司");
        var office = await OfficeApiAsync(app);
        async Task<bool> DueAsync()
        {
            var list = await JsonAsync(await office.GetAsync("/api/oversight/confirmations-due"), HttpStatusCode.OK);
            return list.GetProperty("rows").EnumerateArray().Any(r => r.GetProperty("cells")[2].GetString() == winner.Award.CertificateNumber);
        }
        Assert.False(await DueAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/oversight/no-such-list")).StatusCode);
        // the clock only moves forward: this class has its own application
        app.Clock.SetUtcNow(new DateTimeOffset(winner.Award.Year + 3, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        office = await OfficeApiAsync(app); // two years on, the earlier sign-in has expired
        Assert.True(await DueAsync());
        var rows = await OversightBoardTests.ExcelAsync(await Cast.SignInAsync(app, await Cast.OfficeAsync(app)), "confirmations-due");
        Assert.Contains(rows, r => (string)r["证书编号"] == winner.Award.CertificateNumber && (string)r["应确认日期"]! == $"{winner.Award.Year + 3}年1月1日");
    }
}
