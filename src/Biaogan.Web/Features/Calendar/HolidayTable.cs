namespace Biaogan.Web.Features.Calendar;

/// <summary>One day of an official holiday notice: a day off, or a weekend day made a working day (调休上班).</summary>
public sealed record HolidayDayInfo(DateOnly Date, bool IsOffDay, string Name);

/// <summary>The end of a working-day window, and whether every day it crossed had published data.</summary>
public sealed record WorkdayResult(DateOnly End, bool Confirmed);

/// <summary>
/// Working-day arithmetic over the State Council holiday notices (docs/domain.md, “工作日”). 工作日 are
/// Monday–Friday that are not declared days off, plus weekend days declared working days. A year
/// without a published notice falls back to Monday–Friday and every result touching it is unconfirmed.
/// </summary>
public sealed class HolidayTable
{
    private readonly Dictionary<DateOnly, HolidayDayInfo> _days;
    private readonly HashSet<int> _publishedYears;

    public HolidayTable(IEnumerable<HolidayDayInfo> days, IEnumerable<int> publishedYears)
    {
        _days = days.ToDictionary(d => d.Date);
        _publishedYears = [.. publishedYears];
    }

    public bool IsPublished(int year) => _publishedYears.Contains(year);

    public HolidayDayInfo? Find(DateOnly date) => _days.GetValueOrDefault(date);

    public bool IsWorkday(DateOnly date) =>
        _days.TryGetValue(date, out var day) ? !day.IsOffDay : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The last day of an <paramref name="workdays"/>-working-day window starting at <paramref name="start"/>.
    /// When <paramref name="countStart"/> is true the start day counts if it is a working day; otherwise
    /// counting begins the next day.
    /// </summary>
    public WorkdayResult AddWorkdays(DateOnly start, int workdays, bool countStart)
    {
        if (workdays < 1) throw new ArgumentOutOfRangeException(nameof(workdays), "工作日数必须大于 0。");
        var day = countStart ? start : start.AddDays(1);
        var confirmed = true;
        var counted = 0;
        while (true)
        {
            confirmed &= IsPublished(day.Year);
            if (IsWorkday(day) && ++counted == workdays) return new WorkdayResult(day, confirmed);
            day = day.AddDays(1);
        }
    }

    /// <summary>Working days in [from, to], both inclusive.</summary>
    public int CountWorkdays(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from; d <= to; d = d.AddDays(1)) if (IsWorkday(d)) n++;
        return n;
    }
}
