using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>资料评审排名 as an Excel workbook: one sheet per category, Chinese headers, then a sheet of notes.</summary>
public static class RankingExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    internal static readonly string[] Columns =
        ["排名", "申报编号", "申报组织", "一致性总分", "原始平均分", "校准分", "校准排名", "最低分", "最高分", "分差", "标准差", "已提交评分表", "说明"];

    public static byte[] Write(RankingBoard board)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var c in board.Categories)
            sheets[c.CategoryText] = c.Rows.Select(Row).ToList();
        sheets["说明"] = new List<Dictionary<string, object?>>
        {
            new() { ["项目"] = "年度活动", ["内容"] = board.CycleName },
            new() { ["项目"] = "满分", ["内容"] = board.TotalPoints },
            new() { ["项目"] = "一致性总分", ["内容"] = "专家组一致性评审确认的各条目得分率 × 条目分值之和" },
            new() { ["项目"] = "原始平均分", ["内容"] = "各评审员已提交的独立评分表总分的平均值" },
            new() { ["项目"] = "校准分", ["内容"] = "按评审员宽严程度校准后的分数（加性最小二乘模型）；评审关系子图过小的申报保留原始平均分" },
        };
        var config = new OpenXmlConfiguration
        {
            DynamicColumns = [new DynamicExcelColumn("申报组织") { Width = 36 }, new DynamicExcelColumn("说明") { Width = 60 },
                new DynamicExcelColumn("内容") { Width = 80 }],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: config);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(RankingRow r)
    {
        object? N(double? v) => v is { } x ? Math.Round(x, 2) : null;
        var values = new object?[] { r.Rank == 0 ? null : r.Rank, r.Number ?? "", r.Name, N(r.ConsensusPoints), N(r.RawMean), N(r.Calibrated),
            r.CalibratedRank, N(r.MinScore), N(r.MaxScore), N(r.Spread), N(r.StdDev), r.SubmittedSheets, r.Note ?? "" };
        return Columns.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }
}
