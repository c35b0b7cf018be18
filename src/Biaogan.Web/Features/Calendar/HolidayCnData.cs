using System.Text.Json;
using System.Text.Json.Serialization;

namespace Biaogan.Web.Features.Calendar;

/// <summary>
/// Reads holiday notices in the holiday-cn JSON format (Data/holiday-cn, MIT, NateScarlet). A file is keyed
/// by the notice's year and may hold days of the previous year, so days are never assumed to fall in it.
/// </summary>
public static class HolidayCnData
{
    public sealed record NoticeFile(int Year, IReadOnlyList<string> Papers, IReadOnlyList<HolidayDayInfo> Days)
    {
        /// <summary>An empty file (e.g. 2027 before the notice) is not a published year.</summary>
        public bool IsPublished => Days.Count > 0;
    }

    private sealed class Dto
    {
        [JsonPropertyName("year")] public int Year { get; set; }
        [JsonPropertyName("papers")] public List<string>? Papers { get; set; }
        [JsonPropertyName("days")] public List<DayDto?>? Days { get; set; }
    }

    private sealed class DayDto
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("date")] public string? Date { get; set; }
        [JsonPropertyName("isOffDay")] public bool? IsOffDay { get; set; }
    }

    public static NoticeFile Parse(Stream json)
    {
        Dto dto;
        try
        {
            dto = JsonSerializer.Deserialize<Dto>(json) ?? throw new FormatException("文件内容为空（null），请上传完整的节假日文件。");
        }
        catch (JsonException ex)
        {
            // System.Text.Json's own message is English; say where the problem is, in Chinese.
            var where = ex.LineNumber is { } line ? $"第 {line + 1} 行附近" : "文件中";
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $"（字段 {ex.Path}）";
            throw new FormatException($"文件不是有效的 holiday-cn 格式 JSON：{where}{field}有错误。请确认上传的是国务院办公厅节假日通知整理成的 .json 文件，内容未被改动。");
        }
        if (dto.Year is < 2000 or > 2100) throw new FormatException("节假日文件缺少有效的 year 字段（应为 2000 至 2100 之间的年份）。");
        var days = new List<HolidayDayInfo>();
        foreach (var d in dto.Days ?? [])
        {
            if (d is null) throw new FormatException("days 列表中有空项，请检查文件。");
            if (d.Date is null || !DateOnly.TryParseExact(d.Date, "yyyy-MM-dd", out var date))
                throw new FormatException($"日期“{d.Date}”格式不正确，应为 yyyy-MM-dd（例如 2027-01-01）。");
            if (d.IsOffDay is null) throw new FormatException($"{d.Date} 缺少 isOffDay 字段。");
            days.Add(new HolidayDayInfo(date, d.IsOffDay.Value, string.IsNullOrWhiteSpace(d.Name) ? "节假日" : d.Name.Trim()));
        }
        return new NoticeFile(dto.Year, dto.Papers ?? [], days);
    }

    /// <summary>Every notice shipped with the application (2007–2027).</summary>
    public static IReadOnlyList<NoticeFile> LoadEmbedded()
    {
        var asm = typeof(HolidayCnData).Assembly;
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("Data/holiday-cn/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order()
            .Select(n => { using var s = asm.GetManifestResourceStream(n)!; return Parse(s); })
            .ToList();
    }

    /// <summary>A table built from the embedded files only (tests, and the CLI before a database exists).</summary>
    public static HolidayTable EmbeddedTable()
    {
        var files = LoadEmbedded();
        return new HolidayTable(files.SelectMany(f => f.Days), files.Where(f => f.IsPublished).Select(f => f.Year));
    }
}
