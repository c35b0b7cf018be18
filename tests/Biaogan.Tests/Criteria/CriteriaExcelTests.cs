using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Criteria;
using MiniExcelLibs;
using static Biaogan.Web.Features.Criteria.CriteriaExcel;

namespace Biaogan.Tests.Criteria;

/// <summary>Excel export and import (MiniExcel): round trip, and row-numbered Chinese errors.</summary>
[NoDatabase]
public class CriteriaExcelTests
{
    [Fact]
    public void Both_templates_survive_an_Excel_round_trip_unchanged()
    {
        foreach (var template in CriteriaCatalog.Templates)
        {
            var read = CriteriaExcel.Read(new MemoryStream(CriteriaExcel.Write(template)));
            Assert.Empty(read.Errors);
            Assert.Equal(CriteriaJson.Write(template), CriteriaJson.Write(read.Document!));
        }
    }

    [Fact]
    public void The_tree_sheet_has_one_row_per_category_followed_by_its_items()
    {
        var rows = Sheet(CriteriaExcel.Write(CriteriaBuilders.Small()), TreeSheet);
        Assert.Equal(["1", "1", "1", "2", "2"], rows.Select(r => (string)r[CategoryCode]!));
        Assert.Equal([null, "1.1", "1.2", null, "2.1"], rows.Select(r => (string?)r[ItemCode]));
        Assert.Equal([60d, 30d, 30d, 40d, 40d], rows.Select(r => (double)r[Points]!));
        Assert.Equal(["过程", "过程", "结果"], rows.Where(r => r[ItemCode] is not null).Select(r => (string)r[Kind]!));
        Assert.Equal(["否", "否", "是", "是", "否"], rows.Select(r => (string)r[Pending]!));
    }

    [Fact]
    public void Row_problems_are_reported_with_sheet_and_row_number()
    {
        var tree = TreeRows();
        tree[1][Kind] = "过程性";          // row 3
        tree[2][Points] = "三十";          // row 4
        tree[2][Pending] = "也许";         // row 4
        tree[4][CategoryCode] = "9";       // row 6: no such category
        tree.Insert(3, Row(("类目编号", ""), ("条目编号", ""), ("条目名称", "孤立的一行")));   // row 5
        var result = Read(tree);
        Assert.Null(result.Document);
        Assert.Equal(
        [
            "“评价准则”表第 3 行：条目“1.1”的类型“过程性”无法识别，请填写“过程”或“结果”。",
            "“评价准则”表第 4 行：“分值”应为整数，现为“三十”。",
            "“评价准则”表第 4 行：“待核定”一栏应填写“是”或“否”，现为“也许”。",
            "“评价准则”表第 5 行：类目行请填写类目编号，条目行请填写条目编号。",
            "“评价准则”表第 7 行：条目“2.1 顾客满意结果”所属的类目“9”在表中没有类目行，请添加该类目行或改正类目编号。",
        ], result.Errors);
    }

    [Fact]
    public void Missing_names_kinds_and_duplicate_categories_are_reported()
    {
        var tree = TreeRows();
        tree[0][CategoryName] = null;      // row 2
        tree[1][Kind] = null;              // row 3
        tree[2][ItemName] = "";            // row 4
        tree[3][CategoryCode] = "1";       // row 5 duplicates row 2
        tree[4][CategoryCode] = "1";
        var result = Read(tree);
        Assert.Equal(
        [
            "“评价准则”表第 2 行：类目“1”缺少类目名称。",
            "“评价准则”表第 3 行：条目“1.1”缺少类型，请填写“过程”或“结果”。",
            "“评价准则”表第 4 行：条目“1.2”缺少条目名称。",
            "“评价准则”表第 5 行：类目编号“1”与第 2 行重复。",
        ], result.Errors);
    }

    [Fact]
    public void Missing_sheets_columns_and_header_fields_are_reported()
    {
        var doc = CriteriaBuilders.Small();
        using var onlyTree = new MemoryStream();
        onlyTree.SaveAs(new Dictionary<string, object> { [TreeSheet] = TreeRows() }, excelType: ExcelType.XLSX);
        Assert.Equal(["Excel 文件缺少工作表：“基本信息”、“评分档”。请以本系统导出的 Excel 文件为模板填写。"], CriteriaExcel.Read(new MemoryStream(onlyTree.ToArray())).Errors);

        var tree = TreeRows().Select(r => { r.Remove(Kind); return r; }).ToList();
        Assert.Contains("“评价准则”表缺少列：类型。请以本系统导出的 Excel 文件为模板。", Read(tree).Errors);

        var info = Sheet(CriteriaExcel.Write(doc), InfoSheet).Where(r => (string?)r[Field] is not (InfoCode or InfoTotal)).ToList();
        var result = Read(TreeRows(), info);
        Assert.Equal(["“基本信息”表缺少“标准编号”一行（如 T/CAQ 10301-2016）。", "“基本信息”表缺少“总分”一行。"], result.Errors);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_in_Chinese()
    {
        var result = CriteriaExcel.Read(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
        Assert.Equal(["无法读取该 Excel 文件。请上传本系统导出的 .xlsx 文件（不支持旧版 .xls），不要合并单元格。"], result.Errors);
    }

    [Fact]
    public void Sum_mismatches_do_not_block_reading_so_the_draft_can_be_fixed()
    {
        var tree = TreeRows();
        tree[1][Points] = 25;
        var result = Read(tree);
        Assert.Empty(result.Errors);
        Assert.Contains("类目“1 领导与策划”：各条目分值合计 55 分，比类目分值 60 分少 5 分。请调整条目分值或类目分值。",
            CriteriaValidation.Problems(result.Document!));
    }

    private static List<IDictionary<string, object?>> TreeRows() => Sheet(CriteriaExcel.Write(CriteriaBuilders.Small("T/X EXCEL")), TreeSheet);

    private static ExcelReadResult Read(List<IDictionary<string, object?>> tree, List<IDictionary<string, object?>>? info = null)
    {
        var exported = CriteriaExcel.Write(CriteriaBuilders.Small("T/X EXCEL"));
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            [TreeSheet] = tree, [InfoSheet] = info ?? Sheet(exported, InfoSheet), [BandSheet] = Sheet(exported, BandSheet),
        }, excelType: ExcelType.XLSX);
        return CriteriaExcel.Read(new MemoryStream(stream.ToArray()));
    }

    private static List<IDictionary<string, object?>> Sheet(byte[] workbook, string name) =>
        MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true, sheetName: name, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>(r)).ToList();

    private static IDictionary<string, object?> Row(params (string Column, object? Value)[] cells)
    {
        var row = TreeColumns.ToDictionary(c => c, _ => (object?)null);
        foreach (var (c, v) in cells) row[c] = v;
        return row;
    }
}
