using MiniExcelLibs;

namespace Biaogan.Web.Features.Oversight;

/// <summary>An overview list as an Excel workbook: one sheet, the page's Chinese column headers, the same rows.</summary>
public static class OversightExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(OversightList list)
    {
        var rows = list.Rows.Select(r => list.Columns.Zip(r.Cells).ToDictionary(p => p.First, p => p.Second)).ToList();
        if (rows.Count == 0) rows.Add(list.Columns.ToDictionary(c => c, _ => (object?)null));
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [SheetName(list.Title)] = rows }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static string FileName(OversightList list, DateOnly today) => $"{list.Title.Split('（')[0]}_{today:yyyyMMdd}.xlsx";

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string title)
    {
        var name = new string(title.Split('（')[0].Where(ch => ":\\/?*[]".IndexOf(ch) < 0).ToArray());
        return name.Length > 31 ? name[..31] : name;
    }
}
