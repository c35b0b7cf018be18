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
        [JsonPropertyName("days")] public List<DayDto>? Days { get; set; }
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
            dto = JsonSerializer.Deserialize<Dto>(json) ?? throw new FormatException("文件为空。");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"节假日文件不是有效的 JSON：{ex.Message}");
        }
        if (dto.Year is < 2000 or > 2100) throw new FormatException("节假日文件缺少有效的 year 字段。");
        var days = new List<HolidayDayInfo>();
        foreach (var d in dto.Days ?? [])
        {
            if (d.Date is null || !DateOnly.TryParseExact(d.Date, "yyyy-MM-dd", out var date))
                throw new FormatException($"日期“{d.Date}”格式不正确，应为 yyyy-MM-dd。");
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
