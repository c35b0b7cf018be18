namespace Biaogan.Web.Infrastructure.Time;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving since 1991). Every deadline of the programme is
/// expressed in this zone; timestamps are stored as UTC <see cref="DateTimeOffset"/>.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(this TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.Now().DateTime);

    public static DateTimeOffset ToChina(this DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The instant a China-local date and time occurs.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>The last moment of a China-local day (23:59:59.9999999 CST).</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => At(date, TimeOnly.MaxValue);

    public static string Format(DateTimeOffset instant) => instant.ToChina().ToString("yyyy年M月d日 HH:mm");

    public static string Format(DateOnly date) => date.ToString("yyyy年M月d日");

    public static string FormatWithWeekday(DateOnly date) => $"{Format(date)}（{Weekday(date.DayOfWeek)}）";

    public static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        _ => "周日",
    };
}
