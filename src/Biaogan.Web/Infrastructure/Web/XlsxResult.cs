using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// A list written to the response as an .xlsx workbook while its rows are read: MiniExcel writes each row into the
/// zip entry as it comes, so neither the rows nor the file are held in memory. MiniExcel writes synchronously, so this
/// one response allows synchronous I/O; the rows should come straight from a query (AsNoTracking, enumerated once).
/// </summary>
public sealed class XlsxResult(string fileName, string sheetName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    : IResult, IContentTypeHttpResult, IFileHttpResult
{
    public const string Mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string? ContentType => Mime;
    public string? FileDownloadName => fileName;

    public Task ExecuteAsync(HttpContext http)
    {
        if (http.Features.Get<IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;
        http.Response.ContentType = Mime;
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            { FileName = "export.xlsx", FileNameStar = fileName }.ToString();
        http.Response.Body.SaveAs(Rows(), sheetName: sheetName, excelType: ExcelType.XLSX);
        return Task.CompletedTask;
    }

    /// <summary>Each row as header → value; an empty list still gets its header row.</summary>
    private IEnumerable<IDictionary<string, object?>> Rows()
    {
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            var cells = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++) cells[headers[i]] = i < row.Length ? row[i] : null;
            yield return cells;
        }
        if (!any) yield return headers.ToDictionary(h => h, _ => (object?)null);
    }
}
