using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Biaogan.Web.Features.Criteria;

/// <summary>
/// The Excel form of a <see cref="CriteriaDocument"/>: sheet 评价准则 (one row per category followed by a row
/// per item: 类目编号, 类目名称, 条目编号, 条目名称, 类型, 分值, 待核定, 待核定说明, 评价要点), sheet 基本信息 (标准编号,
/// 名称, 总分 …) and sheet 评分档 (bands with their descriptors). Reading reports every problem with its
/// sheet and row number, in Chinese.
/// </summary>
public static class CriteriaExcel
{
    public const string TreeSheet = "评价准则";
    public const string InfoSheet = "基本信息";
    public const string BandSheet = "评分档";

    internal const string CategoryCode = "类目编号", CategoryName = "类目名称", ItemCode = "条目编号", ItemName = "条目名称",
        Kind = "类型", Points = "分值", Pending = "待核定", PendingNote = "待核定说明", Guidance = "评价要点";
    internal const string Field = "项目", Value = "内容";
    internal const string MinPercent = "最低百分比", MaxPercent = "最高百分比",
        ProcessText = "过程条目描述（方法-展开-学习-整合）", ResultText = "结果条目描述（水平-趋势-对比-整合）";
    internal const string InfoFormat = "格式", InfoCode = "标准编号", InfoLabel = "版本说明", InfoTitle = "标准名称",
        InfoTotal = "总分", InfoTotalPending = "总分待核定", InfoNote = "说明", InfoBandsNote = "评分档说明";

    internal static readonly string[] TreeColumns = [CategoryCode, CategoryName, ItemCode, ItemName, Kind, Points, Pending, PendingNote, Guidance];
    internal static readonly string[] BandColumns = [MinPercent, MaxPercent, ProcessText, ResultText];

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(CriteriaDocument doc)
    {
        var tree = new List<Dictionary<string, object?>>();
        foreach (var c in doc.Categories)
        {
            tree.Add(Row(c.Code, c.Name, "", "", "", c.Points, c.Pending, c.PendingNote, c.Guidance));
            foreach (var i in c.Items)
                tree.Add(Row(c.Code, "", i.Code, i.Name, CriteriaDocument.KindDisplay(i.Kind), i.Points, i.Pending, i.PendingNote, i.Guidance));
        }
        var info = new List<Dictionary<string, object?>>
        {
            Pair(InfoFormat, CriteriaDocument.FormatTag), Pair(InfoCode, doc.Code), Pair(InfoLabel, doc.Label),
            Pair(InfoTitle, doc.Title), Pair(InfoTotal, doc.TotalPoints), Pair(InfoTotalPending, YesNo(doc.TotalPending)),
            Pair(InfoNote, doc.Note), Pair(InfoBandsNote, doc.BandsNote),
        };
        var bands = doc.Bands.Select(b => new Dictionary<string, object?>
        {
            [MinPercent] = b.MinPercent, [MaxPercent] = b.MaxPercent, [ProcessText] = b.Process, [ResultText] = b.Result,
        }).ToList();
        var sheets = new Dictionary<string, object> { [TreeSheet] = tree, [InfoSheet] = info, [BandSheet] = bands };
        var config = new OpenXmlConfiguration
        {
            DynamicColumns =
            [
                new DynamicExcelColumn(CategoryName) { Width = 24 }, new DynamicExcelColumn(ItemName) { Width = 24 },
                new DynamicExcelColumn(PendingNote) { Width = 40 }, new DynamicExcelColumn(Guidance) { Width = 60 },
                new DynamicExcelColumn(Value) { Width = 80 }, new DynamicExcelColumn(ProcessText) { Width = 70 },
                new DynamicExcelColumn(ResultText) { Width = 70 },
            ],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: config);
        return stream.ToArray();
    }

    /// <summary>Reads a workbook; <see cref="ExcelReadResult.Errors"/> lists every problem with sheet and row.</summary>
    public static ExcelReadResult Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        try
        {
            buffer.Position = 0;
            var sheets = MiniExcel.GetSheetNames(buffer);
            var missing = new[] { TreeSheet, InfoSheet, BandSheet }.Where(s => !sheets.Contains(s)).ToList();
            if (missing.Count > 0)
                return ExcelReadResult.Failed($"Excel 文件缺少工作表：{string.Join("、", missing.Select(m => $"“{m}”"))}。请以本系统导出的 Excel 文件为模板填写。");
            return new CriteriaExcelReader(Rows(buffer, TreeSheet), Rows(buffer, InfoSheet), Rows(buffer, BandSheet)).Read();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException
            or FormatException or ArgumentException or NotSupportedException)
        {
            return ExcelReadResult.Failed("无法读取该 Excel 文件。请上传本系统导出的 .xlsx 文件（不支持旧版 .xls），不要合并单元格。");
        }
    }

    private static List<IDictionary<string, object?>> Rows(MemoryStream buffer, string sheet)
    {
        buffer.Position = 0;
        return MiniExcel.Query(buffer, useHeaderRow: true, sheetName: sheet, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
    }

    internal static string YesNo(bool value) => value ? "是" : "否";

    private static Dictionary<string, object?> Row(string categoryCode, string categoryName, string itemCode, string itemName,
        string kind, int points, bool pending, string pendingNote, string guidance) => new()
    {
        [CategoryCode] = categoryCode, [CategoryName] = categoryName, [ItemCode] = itemCode, [ItemName] = itemName, [Kind] = kind,
        [Points] = points, [Pending] = YesNo(pending), [PendingNote] = pendingNote, [Guidance] = guidance,
    };

    private static Dictionary<string, object?> Pair(string field, object value) => new() { [Field] = field, [Value] = value };
}

/// <summary>A document read from Excel, or the row-numbered problems that kept it from being read.</summary>
public sealed record ExcelReadResult(CriteriaDocument? Document, IReadOnlyList<string> Errors)
{
    public static ExcelReadResult Failed(params string[] errors) => new(null, errors);
}
