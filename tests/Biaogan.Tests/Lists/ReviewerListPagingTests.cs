using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Lists;

/// <summary>评审员库 renders one page of the filtered pool with the shared pager, keeping the filters in its links.</summary>
public class ReviewerListPagingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_pool_shows_one_page_of_the_filtered_profiles_and_the_pager_keeps_the_filter()
    {
        foreach (var name in new[] { "翻页评审甲", "翻页评审乙", "翻页评审丙" })
            await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Candidate(name));
        await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Appointed("翻页评审丁"));
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var first = await office.GetAsync("/Reviewers?Status=Candidate&size=2");
        Assert.Equal(2, first.QuerySelectorAll("#reviewers tbody tr").Length);
        Assert.Contains("符合筛选条件 3 人", first.QuerySelector("#count")!.TextContent);
        var next = first.QuerySelector("nav.pager a[rel=next]")!;
        Assert.Contains("Status=Candidate", next.GetAttribute("href"));
        var second = await office.GetAsync(next.GetAttribute("href")!);
        var rows = second.QuerySelectorAll("#reviewers tbody tr");
        Assert.Single(rows);
        Assert.DoesNotContain("翻页评审丁", second.QuerySelector("#reviewers")!.TextContent);
    }
}

/// <summary>导出 Excel of the filtered reviewer pool: exactly the matching profiles, Chinese headers, audited.</summary>
public class ReviewerExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_office_exports_exactly_the_filtered_reviewers_and_the_export_is_audited()
    {
        await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Candidate("导出候选甲"));
        await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Appointed("导出聘用乙"));
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var response = await office.Http.GetAsync("/Reviewers/Export?Status=Candidate");
        response.EnsureSuccessStatusCode();
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["导出候选甲"], rows.Select(r => (string)r["姓名"]).ToList());
        Assert.Equal("13800138000", rows[0]["电话"]?.ToString());
        var action = await app.WithDbAsync(db => Task.FromResult(db.Set<Biaogan.Web.Infrastructure.Audit.AuditEntry>()
            .Where(e => e.EntityType == "ListExport").OrderByDescending(e => e.Id).Select(e => e.Action).First()));
        Assert.Equal("导出评审员名单（Excel，1 人）", action);
    }
}
