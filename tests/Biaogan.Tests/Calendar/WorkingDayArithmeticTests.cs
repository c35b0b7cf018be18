using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Calendar;

namespace Biaogan.Tests.Calendar;

/// <summary>docs/domain.md, “工作日”: 7 working days on the State Council calendar, both counting conventions.</summary>
[NoDatabase]
public class WorkingDayArithmeticTests
{
    private static readonly HolidayTable Table = HolidayCnData.EmbeddedTable();

    /// <summary>Start date, the end when the start counts, the end when counting starts the next day (docs/domain.md, “工作日”).</summary>
    public static TheoryData<string, string, string> PublishedVectors => new()
    {
        { "2025-09-26", "2025-10-11", "2025-10-13" },
        { "2025-09-30", "2025-10-15", "2025-10-16" },
        { "2025-01-24", "2025-02-08", "2025-02-10" },
        { "2024-04-30", "2024-05-11", "2024-05-13" },
        { "2023-12-28", "2024-01-08", "2024-01-09" },
        { "2026-02-10", "2026-02-25", "2026-02-26" },
        { "2026-09-24", "2026-10-10", "2026-10-12" },
    };

    [Theory]
    [MemberData(nameof(PublishedVectors))]
    public void Seven_working_days_end_on_the_published_vector(string start, string endCounted, string endNextDay)
    {
        var s = DateOnly.Parse(start);
        var counted = Table.AddWorkdays(s, 7, countStart: true);
        var fromNext = Table.AddWorkdays(s, 7, countStart: false);
        Assert.Equal(DateOnly.Parse(endCounted), counted.End);
        Assert.Equal(DateOnly.Parse(endNextDay), fromNext.End);
        Assert.True(counted.Confirmed);
        Assert.True(fromNext.Confirmed);
    }

    [Fact]
    public void A_window_running_into_an_unpublished_year_falls_back_to_weekdays_and_is_unconfirmed()
    {
        var counted = Table.AddWorkdays(new DateOnly(2026, 12, 28), 7, countStart: true);
        var fromNext = Table.AddWorkdays(new DateOnly(2026, 12, 28), 7, countStart: false);
        Assert.Equal(new DateOnly(2027, 1, 5), counted.End);
        Assert.Equal(new DateOnly(2027, 1, 6), fromNext.End);
        Assert.False(counted.Confirmed);
        Assert.False(fromNext.Confirmed);
    }

    [Fact]
    public void A_window_inside_a_published_year_across_new_year_is_confirmed()
    {
        // 2024-12-30 (Mon) → 2025-01-01 is 元旦 (off); both years published.
        var r = Table.AddWorkdays(new DateOnly(2024, 12, 30), 3, countStart: true);
        Assert.Equal(new DateOnly(2025, 1, 2), r.End);
        Assert.True(r.Confirmed);
    }

    [Fact]
    public void Swapped_weekend_working_days_count_and_holiday_weekdays_do_not()
    {
        Assert.True(Table.IsWorkday(new DateOnly(2026, 2, 14)));   // 春节调休上班 (Sat)
        Assert.False(Table.IsWorkday(new DateOnly(2026, 2, 16)));  // 春节 (Mon)
        Assert.False(Table.IsWorkday(new DateOnly(2026, 11, 28))); // ordinary Saturday
        Assert.True(Table.IsWorkday(new DateOnly(2026, 11, 27)));  // ordinary Friday
    }

    [Fact]
    public void Entries_published_in_the_next_years_file_are_used_for_their_own_date()
    {
        // 2023.json carries 2022-12-31 (Sat, 元旦 off) — it must be found by date, not by file year.
        Assert.NotNull(Table.Find(new DateOnly(2022, 12, 31)));
    }

    [Fact]
    public void Zero_or_negative_working_days_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Table.AddWorkdays(new DateOnly(2026, 1, 5), 0, true));
    }
}
