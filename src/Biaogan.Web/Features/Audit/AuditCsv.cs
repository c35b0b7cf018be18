using System.Text;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Audit;

/// <summary>
/// The one audit exporter (the 审计日志 page's “导出 CSV” and the CLI's export-audit): UTF-8 with BOM so
/// that Excel opens the Chinese correctly, Chinese headers, times in Beijing time, oldest first.
/// </summary>
public static class AuditCsv
{
    public static readonly string[] Headers =
        ["时间（北京时间）", "操作人", "操作人编号", "动作", "对象类型", "对象编号", "所属对象类型", "所属对象编号", "修改前", "修改后", "IP地址"];

    /// <summary>Writes the matching records to <paramref name="output"/> (left open) and returns how many.</summary>
    public static async Task<int> WriteAsync(IQueryable<AuditEntry> entries, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(Headers));
        var count = 0;
        await foreach (var a in entries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteAsync(Line([
                a.At.ToOffset(Infrastructure.Time.ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss"), a.ActorName, a.ActorId ?? "",
                a.Action, AuditLabels.Type(a.EntityType), a.EntityId, AuditLabels.Type(a.SubjectType), a.SubjectId,
                a.Before ?? "", a.After ?? "", a.IpAddress ?? "",
            ]));
            count++;
        }
        await writer.FlushAsync(ct);
        return count;
    }

    private static string Line(IEnumerable<string> cells) => string.Join(",", cells.Select(Cell)) + "\r\n";

    /// <summary>RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
