using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Microsoft.Extensions.Options;

namespace Biaogan.Tests.Confirmation;

/// <summary>第二十四条 “获奖三年后”: when a benchmark falls due for confirmation, by the setting's rule, in China Standard Time.</summary>
[NoDatabase]
public class ConfirmationDueTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static Award Granted(int year, DateTimeOffset at) =>
        new(Guid.NewGuid(), year, Guid.NewGuid(), Guid.NewGuid(), "确认到期有限公司", AwardCategory.Enterprise, null, 1, at);

    private static ConfirmationDue Rule(ConfirmationDueRule rule, int years = 3) =>
        new(Options.Create(new ConfirmationDueOptions { Rule = rule, Years = years }));

    private static DateOnly ChinaDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(China).DateTime);

    [Theory]
    [InlineData(2026, "2029-01-01")]
    [InlineData(2023, "2026-01-01")]
    [InlineData(2028, "2031-01-01")]
    public void By_default_a_benchmark_is_due_from_1_January_of_the_third_calendar_year_after_its_award_year(int year, string due) =>
        Assert.Equal(DateOnly.Parse(due), Rule(ConfirmationDueRule.CalendarYear).DueOn(Granted(year, new DateTimeOffset(year, 12, 20, 10, 0, 0, China))));

    [Fact]
    public void The_calendar_year_rule_turns_at_midnight_China_time_not_UTC()
    {
        var award = Granted(2026, new DateTimeOffset(2026, 12, 20, 10, 0, 0, China));
        var due = Rule(ConfirmationDueRule.CalendarYear);
        // 2028-12-31 23:30 in Beijing is 15:30 UTC: not yet due
        Assert.False(due.IsDue(award, ChinaDay(new DateTimeOffset(2028, 12, 31, 15, 30, 0, TimeSpan.Zero))));
        // 2029-01-01 00:30 in Beijing is still 2028-12-31 in UTC: due
        Assert.True(due.IsDue(award, ChinaDay(new DateTimeOffset(2028, 12, 31, 16, 30, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void The_anniversary_rule_counts_from_the_China_date_of_the_grant()
    {
        // granted 2026-12-31 17:00 UTC = 2027-01-01 01:00 in Beijing: the anniversary is 1 January
        var award = Granted(2026, new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2030, 1, 1), Rule(ConfirmationDueRule.Anniversary).DueOn(award));
        Assert.Equal(new DateOnly(2029, 1, 1), Rule(ConfirmationDueRule.CalendarYear).DueOn(award));
    }

    [Fact]
    public void An_award_granted_on_29_February_is_due_on_28_February_three_years_later()
    {
        var award = Granted(2027, new DateTimeOffset(2028, 2, 29, 10, 0, 0, China));
        Assert.Equal(new DateOnly(2031, 2, 28), Rule(ConfirmationDueRule.Anniversary).DueOn(award));
    }

    [Fact]
    public void The_number_of_years_is_a_setting_too()
    {
        var award = Granted(2026, new DateTimeOffset(2026, 12, 20, 10, 0, 0, China));
        Assert.Equal(new DateOnly(2031, 1, 1), Rule(ConfirmationDueRule.CalendarYear, 5).DueOn(award));
        Assert.Equal("2031年内（获奖年度后第五个日历年）", Rule(ConfirmationDueRule.CalendarYear, 5).Describe(award));
        Assert.Equal("2029年12月20日起（获奖满3年）", Rule(ConfirmationDueRule.Anniversary).Describe(award));
    }
}
