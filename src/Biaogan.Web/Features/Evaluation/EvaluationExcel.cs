using Biaogan.Web.Features.Cycles;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>The 综合评价 side-by-side table for the committee meeting: one sheet per category, then the weights and quota.</summary>
public static class EvaluationExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(Cycle cycle, IReadOnlyList<EvaluationBoard> boards)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var b in boards)
            sheets[b.CategoryText] = b.Rows.Select(r => new Dictionary<string, object?>
            {
                ["名次"] = r.Place, ["申报编号"] = r.Number, ["申报组织"] = r.Name, ["资料评审得分"] = r.DocumentScore,
                ["现场评审得分"] = r.OnSiteScore, ["综合得分"] = r.CombinedScore, ["资料评审排名"] = r.DocumentRank,
            }).ToList();
        var weights = boards.FirstOrDefault();
        sheets["说明"] = new List<Dictionary<string, object?>>
        {
            new() { ["项目"] = "年度活动", ["内容"] = cycle.Name },
            new() { ["项目"] = "综合得分", ["内容"] = $"资料评审得分 × {weights?.DocumentWeight ?? cycle.Settings.EvaluationDocumentWeight}% + 现场评审得分 × {weights?.OnSiteWeight ?? cycle.Settings.EvaluationOnSiteWeight}%" },
            new() { ["项目"] = "标杆数量上限", ["内容"] = $"{cycle.Quota} 个（第五条，企业类、服务类合计）" },
        };
        var config = new OpenXmlConfiguration
        {
            DynamicColumns = [new DynamicExcelColumn("申报组织") { Width = 40 }, new DynamicExcelColumn("内容") { Width = 70 }],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: config);
        return stream.ToArray();
    }
}
