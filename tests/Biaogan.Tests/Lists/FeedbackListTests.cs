using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Feedback;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Biaogan.Tests.Lists;

/// <summary>
/// 资料评审反馈报告 as a server-side list (paging in the database, filters, sort, export) and the bulk release of a
/// chosen part of the previewed reports: the office unticks organisations and only the ticked ones are released.
/// </summary>
public class FeedbackListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("organization").GetString()!).ToList();

    [Fact]
    public async Task The_list_pages_and_filters_in_the_database_and_the_office_releases_only_the_ticked_reports()
    {
        var names = new[] { "反馈列甲有限公司", "反馈列乙有限公司", "反馈列丙有限公司", "反馈列丁有限公司" };
        var applicants = new List<Persona>();
        foreach (var (name, province) in names.Zip(["31", "31", "31", "44"]))
        {
            var applicant = await Cast.ApplicantAsync(app, name);
            await app.WithDbAsync(async db =>
            {
                var org = await db.Set<Organization>().FirstAsync(o => o.Id == applicant.OrganizationId);
                org.ProvinceCode = province;
                org.CityCode = province + "01";
                await db.SaveChangesAsync();
            });
            applicants.Add(applicant);
        }
        var apps = await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [90, 55, 60, 50, 45], [null, .. applicants]);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;
        await FeedbackBulkReleaseTests.FinaliseAsync(app, cycleId, selected: apps[0].Id);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var api = await office.ApiAsync();
        async Task<JsonElement> ListAsync(string query) =>
            await api.GetFromJsonAsync<JsonElement>($"/api/document-review/feedback/cycles/{cycleId}?{query}");

        // before generating, every not-selected application is listed as 未生成
        Assert.Equal(4, (await ListAsync("status=None")).GetProperty("total").GetInt32());
        await app.WithScopeAsync(sp => sp.GetRequiredService<FeedbackWorkflow>().GenerateAsync(cycleId, default));
        await FeedbackBulkReleaseTests.ApproveAsync(app, apps[1].Id, apps[2].Id, apps[4].Id);

        var first = await ListAsync("size=2&sort=organization");
        Assert.Equal(4, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(["反馈列丁有限公司", "反馈列丙有限公司"], Names(first));
        Assert.Equal(["反馈列乙有限公司", "反馈列甲有限公司"], Names(await ListAsync("size=2&sort=organization&p=2")));
        Assert.Empty(Names(await ListAsync("status=None")));
        Assert.Equal(["反馈列丁有限公司", "反馈列乙有限公司", "反馈列甲有限公司"], Names(await ListAsync("status=Approved&sort=organization")));
        Assert.Equal(["反馈列丙有限公司", "反馈列乙有限公司", "反馈列甲有限公司"], Names(await ListAsync("region=31&sort=organization")));
        Assert.Equal(["反馈列丁有限公司"], Names(await ListAsync("q=" + Uri.EscapeDataString("反馈列丁"))));
        Assert.Empty(Names(await ListAsync("category=Service")));
        var refused = await api.GetAsync($"/api/document-review/feedback/cycles/{cycleId}?status=Lost");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("报告状态“Lost”不存在", await refused.Content.ReadAsStringAsync());

        // the page shows one page, and the preview holds every approved report of the filtered list (not just this page)
        var page = await office.GetAsync($"/DocumentReview/Feedback?cycleId={cycleId}&region=31&size=1&sort=organization");
        Assert.Single(page.QuerySelectorAll("#feedback-table tbody tr"));
        Assert.Contains("共 3 条", page.QuerySelector("nav.pager")!.TextContent);
        Assert.Contains("region=31", page.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("region=31", page.QuerySelector("#export-xlsx")!.GetAttribute("href"));
        var boxes = page.QuerySelectorAll("#release-preview input[type=checkbox]").OfType<IHtmlInputElement>().ToList();
        Assert.Equal(2, boxes.Count);
        Assert.DoesNotContain("反馈列丁有限公司", page.QuerySelector("#release-preview")!.TextContent);

        // untick 甲: only 乙 is released
        boxes.Single(b => b.Value == apps[1].Id.ToString()).IsChecked = false;
        var result = await office.SubmitAsync(page, new Dictionary<string, string?>(), "#release-all");
        Assert.Contains("已向 1 家组织发放反馈报告（反馈列乙有限公司）", result.Text);
        var statuses = await app.WithDbAsync(db => db.Set<FeedbackReport>().Where(r => r.CycleId == cycleId)
            .ToDictionaryAsync(r => r.ApplicationId, r => r.Status));
        Assert.Equal(FeedbackStatus.Released, statuses[apps[2].Id]);
        Assert.Equal(FeedbackStatus.Approved, statuses[apps[1].Id]);
        Assert.Equal(FeedbackStatus.Approved, statuses[apps[4].Id]);
        Assert.DoesNotContain(await Messages.InboxAsync(app, applicants[0]), t => t.StartsWith("资料评审反馈报告已发放"));

        // nothing ticked: refused in words, nothing released
        var emptyPage = await office.GetAsync($"/DocumentReview/Feedback?cycleId={cycleId}");
        foreach (var box in emptyPage.QuerySelectorAll("#release-preview input[type=checkbox]").OfType<IHtmlInputElement>()) box.IsChecked = false;
        var none = await office.SubmitAsync(emptyPage, new Dictionary<string, string?>(), "#release-all");
        Assert.Contains("没有勾选要发放的反馈报告", none.Text);

        // the Excel export of the filtered list, audited
        var export = await office.Http.GetAsync($"/DocumentReview/Feedback/Export?cycleId={cycleId}&status=Approved&sort=organization");
        export.EnsureSuccessStatusCode();
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["反馈列丁有限公司", "反馈列甲有限公司"], rows.Select(r => (string)r["申报组织"]).ToList());
        Assert.Equal("广东省", rows[0]["地区"]);
        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == ActionAudit.ListExport)
            .OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal("导出反馈报告列表（Excel，2 条）", entry.Action);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/document-review/feedback/cycles/{cycleId}/export")).StatusCode);
    }
}
