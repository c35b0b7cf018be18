using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Criteria;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Criteria;

/// <summary>Importing JSON and Excel files on /Criteria as new drafts; bad files are refused with reasons.</summary>
public class CriteriaImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_JSON_file_becomes_version_1_of_a_new_standard_and_then_version_2()
    {
        var office = await OfficeAsync();
        var doc = CriteriaBuilders.Small();
        var imported = await CriteriaSteps.UploadAsync(office, CriteriaJson.WriteBytes(doc), "准则.json");
        Assert.Contains($"已将JSON 文件导入为草稿“{doc.Code}”。校验通过，核对无误后即可发布。", imported.Text);
        Assert.Contains("校验通过", imported.Page.QuerySelector("#validation")!.TextContent);
        var first = Guid.Parse(imported.Path["/Criteria/Details/".Length..]);
        var v1 = await CriteriaSteps.LoadAsync(app, first);
        Assert.Equal((doc.Code, 1, CriteriaStatus.Draft), (v1.Key, v1.VersionNo, v1.Status));
        Assert.Equal(CriteriaJson.Write(doc), v1.Content);

        var second = await CriteriaSteps.ImportAsync(office, doc with { Label = "第二稿" });
        var v2 = await CriteriaSteps.LoadAsync(app, second);
        Assert.Equal($"{doc.Code}（第2版）", v2.Key);
        Assert.Null(CriteriaCatalog.Find(v2.Key));
    }

    [Fact]
    public async Task An_Excel_file_exported_here_imports_as_an_identical_draft()
    {
        var office = await OfficeAsync();
        var doc = CriteriaBuilders.Small() with { TotalPoints = 120 };
        var result = await CriteriaSteps.UploadAsync(office, CriteriaExcel.Write(doc), "准则.xlsx");
        Assert.Empty(result.Errors);
        Assert.Contains("已将Excel 文件导入为草稿", result.Text);
        Assert.Contains("校验发现 1 个问题", result.Text);
        Assert.Contains("各类目分值合计 100 分，比总分 120 分少 20 分。", result.Page.QuerySelector("#validation")!.TextContent);
        var id = Guid.Parse(result.Path["/Criteria/Details/".Length..]);
        Assert.Equal(CriteriaJson.Write(doc), (await CriteriaSteps.LoadAsync(app, id)).Content);
    }

    [Fact]
    public async Task An_Excel_file_with_row_errors_is_refused_with_every_row_listed()
    {
        var office = await OfficeAsync();
        var code = CriteriaBuilders.UniqueCode();
        var bytes = CriteriaExcel.Write(CriteriaBuilders.Small(code) with
        {
            Categories = [CriteriaBuilders.Small().Categories[0] with { Items = [new ItemNode("1.1", "", ItemKind.Process, 60, false, "", "")] }],
        });
        var broken = await CriteriaSteps.UploadAsync(office, BreakKindOfFirstItem(bytes), "准则.xlsx");
        Assert.Equal("/Criteria", broken.Path);
        Assert.Contains("“评价准则”表第 3 行：条目“1.1”缺少条目名称。", broken.Errors);
        Assert.Contains("“评价准则”表第 3 行：条目“1.1”的类型“流程”无法识别，请填写“过程”或“结果”。", broken.Errors);
        Assert.False(await app.WithDbAsync(db => db.Set<CriteriaVersion>().AnyAsync(v => v.Code == code)));
    }

    [Fact]
    public async Task Files_that_are_neither_JSON_nor_Excel_or_are_empty_are_refused()
    {
        var office = await OfficeAsync();
        var png = await CriteriaSteps.UploadAsync(office, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "准则.json");
        Assert.Contains("只能导入本系统导出的 JSON（.json）或 Excel（.xlsx）文件。旧版 .xls 请先在 Excel 中另存为 .xlsx。", png.Errors);

        var none = await office.SubmitAsync("/Criteria", new Dictionary<string, string?>(), "#import-form");
        Assert.Contains("请选择要导入的文件（本系统导出的 .json 或 .xlsx 文件）。", none.Errors);

        var broken = await CriteriaSteps.UploadAsync(office, "{ \"code\": \"X\", "u8.ToArray(), "x.json");
        Assert.Contains(broken.Errors, e => e.StartsWith("JSON 文件格式有误"));
    }

    /// <summary>Sets the 类型 of the first item row (row 3) to an unknown word, as a person typing in Excel might.</summary>
    private static byte[] BreakKindOfFirstItem(byte[] workbook)
    {
        var sheets = new[] { CriteriaExcel.TreeSheet, CriteriaExcel.InfoSheet, CriteriaExcel.BandSheet }.ToDictionary(s => s, s =>
            (object)MiniExcelLibs.MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true, sheetName: s)
                .Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList());
        ((List<Dictionary<string, object?>>)sheets[CriteriaExcel.TreeSheet])[1][CriteriaExcel.Kind] = "流程";
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets, excelType: MiniExcelLibs.ExcelType.XLSX);
        return stream.ToArray();
    }

    private async Task<PageClient> OfficeAsync() => await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
}
