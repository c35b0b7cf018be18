using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Commitments;

namespace Biaogan.Tests.Commitments;

/// <summary>Issue 12 item 2 (第二十三条): when the yearly progress reports are due, in China Standard Time.</summary>
[NoDatabase]
public class ReportScheduleTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public void By_default_the_report_on_a_year_is_due_on_31_March_of_the_next_and_an_award_owes_three()
    {
        var schedule = new ReportSchedule(new CommitmentsOptions());
        Assert.Equal([2026, 2027, 2028], schedule.YearsOf(2026));
        Assert.Equal(new DateOnly(2027, 3, 31), schedule.DueOn(2026));
        Assert.False(schedule.Owes(2026, 2025));
        Assert.False(schedule.Owes(2026, 2029));
    }

    [Theory]
    [InlineData(2026, "2027-02-28")] // 2027 is a common year: 02-29 means the month's last day
    [InlineData(2027, "2028-02-29")] // 2028 is a leap year
    public void A_due_day_the_month_lacks_is_its_last_day(int year, string expected)
    {
        var schedule = new ReportSchedule(new CommitmentsOptions { DueMonth = 2, DueDay = 29 });
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), schedule.DueOn(year));
    }

    [Fact]
    public void A_report_is_on_time_until_midnight_China_Standard_Time_on_the_due_date()
    {
        var due = new DateOnly(2027, 3, 31);
        Assert.Equal(0, ReportSchedule.DaysLate(due, new DateTimeOffset(2027, 3, 31, 23, 59, 59, China)));
        // 16:00 UTC on the due date is already 00:00 the next day in Beijing
        Assert.Equal(0, ReportSchedule.DaysLate(due, new DateTimeOffset(2027, 3, 31, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(1, ReportSchedule.DaysLate(due, new DateTimeOffset(2027, 3, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(12, ReportSchedule.DaysLate(due, new DateTimeOffset(2027, 4, 12, 8, 0, 0, China)));
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 16, 0, 0, TimeSpan.Zero), ReportSchedule.Deadline(due).AddTicks(1));
    }

    [Fact]
    public void The_reminder_comes_at_nine_some_days_before_and_the_overdue_notice_the_morning_after()
    {
        var schedule = new ReportSchedule(new CommitmentsOptions { ReminderDaysBefore = 30 });
        var (reminder, overdue) = schedule.NoticesFor(new DateOnly(2027, 3, 31));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 9, 0, 0, China), reminder);
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 9, 0, 0, China), overdue);
    }
}
