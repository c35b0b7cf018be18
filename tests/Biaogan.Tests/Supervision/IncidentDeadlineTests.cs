using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Supervision;

namespace Biaogan.Tests.Supervision;

/// <summary>第二十六条 “一个月内”: the month-end rule and China Standard Time day boundaries.</summary>
[NoDatabase]
public class IncidentDeadlineTests
{
    [Theory]
    [InlineData("2026-01-15", "2026-02-15")]
    [InlineData("2026-01-31", "2026-02-28")]
    [InlineData("2028-01-31", "2028-02-29")] // leap year
    [InlineData("2028-01-29", "2028-02-29")]
    [InlineData("2026-01-29", "2026-02-28")]
    [InlineData("2026-03-31", "2026-04-30")]
    [InlineData("2026-05-31", "2026-06-30")]
    [InlineData("2026-08-31", "2026-09-30")]
    [InlineData("2026-12-31", "2027-01-31")] // across the year
    [InlineData("2028-02-29", "2028-03-29")]
    [InlineData("2026-02-28", "2026-03-28")]
    public void The_report_is_due_on_the_same_day_of_the_next_month_or_that_months_last_day(string occurred, string due) =>
        Assert.Equal(DateOnly.Parse(due), IncidentDeadlines.ReportDueOn(DateOnly.Parse(occurred)));

    [Fact]
    public void A_report_filed_before_midnight_China_time_on_the_due_date_is_on_time()
    {
        var due = new DateOnly(2026, 2, 28);
        // 2026-02-28 23:59 China Standard Time is 15:59 UTC the same day
        Assert.Equal(0, IncidentDeadlines.DaysLate(due, new DateTimeOffset(2026, 2, 28, 15, 59, 0, TimeSpan.Zero)));
        // 2026-03-01 00:30 China Standard Time is still 2026-02-28 in UTC, but a day late
        Assert.Equal(1, IncidentDeadlines.DaysLate(due, new DateTimeOffset(2026, 2, 28, 16, 30, 0, TimeSpan.Zero)));
        Assert.Equal(0, IncidentDeadlines.DaysLate(due, new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Lateness_counts_calendar_days_across_a_leap_day()
    {
        var due = new DateOnly(2028, 2, 28);
        Assert.Equal(2, IncidentDeadlines.DaysLate(due, new DateTimeOffset(2028, 3, 1, 10, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal(1, IncidentDeadlines.DaysLate(new DateOnly(2027, 2, 28), new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.FromHours(8))));
    }
}
