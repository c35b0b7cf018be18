using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Calendar;

/// <summary>
/// A year's notice typed in by the office, one day per line: <c>日期 名称 放假|上班</c>
/// (e.g. “2027-10-09 国庆节 上班”). Separators may be spaces, tabs, commas or Chinese commas.
/// </summary>
public static class ManualNotice
{
    private static readonly char[] Separators = [' ', '\t', ',', '，', '、', '\u3000'];

    public static HolidayCnData.NoticeFile Parse(int year, string? text, string? papers = null)
    {
        if (year is < 2000 or > 2100) throw new DomainRuleException("请填写 2000 至 2100 之间的年份。");
        var days = new List<HolidayDayInfo>();
        var lines = (text ?? "").Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            var at = $"第 {i + 1} 行“{line}”";
            if (parts.Length != 3)
                throw new DomainRuleException($"{at}应包含日期、名称、放假或上班三项，用空格分隔，例如：2027-01-01 元旦 放假。");
            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", out var date))
                throw new DomainRuleException($"{at}的日期格式不正确，应为 yyyy-MM-dd，例如 2027-01-01。");
            bool off = parts[2] switch
            {
                "放假" or "休" or "休息" => true,
                "上班" or "班" or "调休上班" => false,
                _ => throw new DomainRuleException($"{at}的第三项应为“放假”或“上班”。"),
            };
            days.Add(new HolidayDayInfo(date, off, parts[1]));
        }
        var paperList = (papers ?? "").Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new HolidayCnData.NoticeFile(year, paperList, days);
    }

    /// <summary>The days of a notice year in the same one-line-per-day form, to edit and submit again.</summary>
    public static string Format(IEnumerable<CalendarDay> days) =>
        string.Join('\n', days.OrderBy(d => d.Date).Select(d => $"{d.Date:yyyy-MM-dd} {d.Name} {(d.IsOffDay ? "放假" : "上班")}"));
}
