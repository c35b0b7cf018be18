using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Biaogan.Tests.Lists;

/// <summary>导出 Excel: the filtered application list as a valid .xlsx with Chinese headers, and an audit record of who exported what.</summary>
public class ApplicationExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<List<IDictionary<string, object>>> SheetAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
    }

    [Fact]
    public async Task The_office_exports_exactly_the_filtered_rows_with_chinese_headers_and_the_export_is_audited()
    {
        await ListsKit.DraftsAsync(app, ["导出丁2有限公司", "导出丁1有限公司"], province: "31");
        await ListsKit.DraftsAsync(app, ["导出丁3有限公司"], province: "44");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var response = await office.Http.GetAsync($"/Applications/Export?q={Uri.EscapeDataString("导出丁")}&region=31&sort=organization");
        response.EnsureSuccessStatusCode();
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.ContentDisposition!.ToString());
        var rows = await SheetAsync(response);
        Assert.Equal(["导出丁1有限公司", "导出丁2有限公司"], rows.Select(r => (string)r["申报组织"]).ToList());
        Assert.All(rows, r => Assert.Equal("上海市", r["地区"]));
        Assert.All(rows, r => Assert.Equal("李晓梅", r["联系人"]));
        Assert.Equal("草稿", rows[0]["状态"]);

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == ActionAudit.ListExport)
            .OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal("赵丙", entry.ActorName);
        Assert.Equal("导出申报列表（Excel，2 条）", entry.Action);
        Assert.Contains("地区：上海市", entry.After);
        Assert.Contains("搜索：导出丁", entry.After);
    }

    [Fact]
    public async Task An_export_with_no_matching_rows_still_opens_with_its_header_row()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var response = await office.Http.GetAsync($"/api/applications/export?q={Uri.EscapeDataString("不存在的名称")}");
        response.EnsureSuccessStatusCode();
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var header = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().First();
        Assert.Equal("申报编号", header["A"]);
        Assert.Equal("联系邮箱", header["L"]);
    }
}
