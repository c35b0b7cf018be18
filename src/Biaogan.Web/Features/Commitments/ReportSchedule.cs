using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Commitments;

/// <summary>
/// When the yearly progress reports of 第二十三条 are due, in China Standard Time. The report on year Y is due on
/// <see cref="CommitmentsOptions.DueMonth"/>-<see cref="CommitmentsOptions.DueDay"/> of Y+1 and is on time through the
/// whole of that day (北京时间 24 时前); a due day the month lacks (02-29 in a common year, 04-31) is that month's last day.
/// An award owes the reports on its award year and the following years, <see cref="CommitmentsOptions.Reports"/> in all.
/// </summary>
public sealed class ReportSchedule(CommitmentsOptions options)
{
    /// <summary>The years an award of <paramref name="awardYear"/> reports on, oldest first.</summary>
    public IReadOnlyList<int> YearsOf(int awardYear) =>
        Enumerable.Range(awardYear, Math.Max(1, options.Reports)).ToList();

    public bool Owes(int awardYear, int year) => year >= awardYear && year < awardYear + Math.Max(1, options.Reports);

    /// <summary>The due date of the report on <paramref name="year"/>.</summary>
    public DateOnly DueOn(int year)
    {
        var month = Math.Clamp(options.DueMonth, 1, 12);
        var day = Math.Clamp(options.DueDay, 1, DateTime.DaysInMonth(year + 1, month));
        return new DateOnly(year + 1, month, day);
    }

    /// <summary>The last instant the report is on time: 23:59:59.9999999 China Standard Time on the due date.</summary>
    public static DateTimeOffset Deadline(DateOnly dueOn) => ChinaTime.EndOfDay(dueOn);

    /// <summary>Whole calendar days (China Standard Time) from the due date to <paramref name="at"/>; 0 when on or before it.</summary>
    public static int DaysLate(DateOnly dueOn, DateTimeOffset at) =>
        Math.Max(0, DateOnly.FromDateTime(at.ToChina().DateTime).DayNumber - dueOn.DayNumber);

    /// <summary>The reminder (09:00 some days before the due date) and the overdue notice (09:00 the day after).</summary>
    public (DateTimeOffset Reminder, DateTimeOffset Overdue) NoticesFor(DateOnly dueOn) =>
        (ChinaTime.At(dueOn.AddDays(-Math.Max(1, options.ReminderDaysBefore)), new TimeOnly(9, 0)),
         ChinaTime.At(dueOn.AddDays(1), new TimeOnly(9, 0)));
}
