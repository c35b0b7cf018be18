using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Tests.PublicNotice;

/// <summary>第二十一条: the 公示期 of 7 working days on the official calendar (docs/domain.md, “工作日”) and the objection deadline to the minute.</summary>
public class NoticeScheduleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Every vector of docs/domain.md (“工作日”): start, end when the start day counts, end when counting from the next day, confirmed.</summary>
    public static TheoryData<string, string, string, bool> Vectors => new()
    {
        { "2025-09-26", "2025-10-11", "2025-10-13", true },
        { "2025-09-30", "2025-10-15", "2025-10-16", true },
        { "2025-01-24", "2025-02-08", "2025-02-10", true },
        { "2024-04-30", "2024-05-11", "2024-05-13", true },
        { "2023-12-28", "2024-01-08", "2024-01-09", true },
        { "2026-02-10", "2026-02-25", "2026-02-26", true },
        { "2026-09-24", "2026-10-10", "2026-10-12", true },
        { "2026-12-28", "2027-01-05", "2027-01-06", false },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task The_notice_ends_on_the_seventh_working_day_under_both_counting_conventions(string start, string counted, string next, bool confirmed)
    {
        foreach (var (countStart, expected) in new[] { (true, counted), (false, next) })
        {
            var notice = await ScheduledAsync(DateOnly.Parse(start), countStart, new TimeOnly(17, 0));
            Assert.Equal(DateOnly.Parse(expected), notice.EndDate);
            Assert.Equal(confirmed, notice.EndConfirmed);
            Assert.Equal(new DateTimeOffset(DateOnly.Parse(expected).ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(8)), notice.ObjectionDeadline);
        }
    }

    [Fact]
    public async Task A_notice_over_the_new_year_is_confirmed_when_both_years_are_published_and_flagged_when_not()
    {
        var boundary = await ScheduledAsync(new DateOnly(2023, 12, 28), true, new TimeOnly(17, 0));
        Assert.Equal("公示期：2023年12月28日至2024年1月8日", boundary.PeriodText);
        Assert.True(boundary.EndConfirmed);
        var unpublished = await ScheduledAsync(new DateOnly(2026, 12, 28), true, new TimeOnly(17, 0));
        Assert.False(unpublished.EndConfirmed);
        unpublished.Edit(unpublished.Title, unpublished.Text, "北京市海淀区增光路33号", "010-68418800", "biaogan@caq.org.cn", new Dictionary<Guid, string>());
        var refused = Assert.Throws<DomainRuleException>(() => unpublished.Publish("office", new DateOnly(2026, 12, 1), false, T0));
        Assert.Contains("尚未公布法定节假日安排", refused.Message);
        unpublished.Publish("office", new DateOnly(2026, 12, 1), true, T0);
        Assert.True(unpublished.PublishedUnconfirmed);
    }

    [Fact]
    public async Task Objections_are_accepted_until_the_minute_before_the_default_closing_time()
    {
        var notice = await PublishedAsync(new TimeOnly(17, 0));
        Assert.Equal("公示期：2026年12月1日至2026年12月9日", notice.PeriodText);
        Assert.Equal(NoticePhase.NotStarted, notice.PhaseAt(At(2026, 11, 30, 23, 59)));
        Assert.Equal(NoticePhase.Open, notice.PhaseAt(At(2026, 12, 1, 0, 0)));
        Assert.Equal(NoticePhase.Open, notice.PhaseAt(At(2026, 12, 9, 16, 59)));
        Assert.Equal(NoticePhase.Closed, notice.PhaseAt(At(2026, 12, 9, 17, 0)));
        Assert.Equal("2026年12月9日 17:00（北京时间）", notice.DeadlineText);
    }

    [Fact]
    public async Task Another_closing_time_moves_the_deadline_to_that_minute()
    {
        var notice = await PublishedAsync(new TimeOnly(12, 30));
        Assert.Equal(NoticePhase.Open, notice.PhaseAt(At(2026, 12, 9, 12, 29)));
        Assert.Equal(NoticePhase.Closed, notice.PhaseAt(At(2026, 12, 9, 12, 30)));
        var entry = notice.Entries[0];
        var late = Assert.Throws<DomainRuleException>(() => new Objection(notice, entry, "YY-2026-0001", ObjectorKind.Individual, "陈建华", null,
            "1234", "13812345678", null, PublicNoticeKit.DefaultGrounds, At(2026, 12, 9, 12, 30)));
        Assert.Contains("2026年12月9日 12:30", late.Message);
        Assert.Contains("不予受理", late.Message);
    }

    [Fact]
    public void A_draft_needs_channels_and_a_start_date_not_in_the_past_before_it_is_published()
    {
        var notice = Draft();
        Assert.Contains("开始日期", Assert.Throws<DomainRuleException>(() => notice.Publish("o", new DateOnly(2026, 11, 27), false, T0)).Message);
        notice.Schedule(new DateOnly(2026, 11, 26), 7, true, new WorkdayResult(new DateOnly(2026, 12, 4), true), new TimeOnly(17, 0));
        Assert.Contains("已过", Assert.Throws<DomainRuleException>(() => notice.Publish("o", new DateOnly(2026, 11, 27), false, T0)).Message);
        notice.Schedule(new DateOnly(2026, 11, 27), 7, true, new WorkdayResult(new DateOnly(2026, 12, 7), true), new TimeOnly(17, 0));
        Assert.Contains("通信地址", Assert.Throws<DomainRuleException>(() => notice.Publish("o", new DateOnly(2026, 11, 27), false, T0)).Message);
    }

    private static DateTimeOffset At(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.FromHours(8));

    private static Web.Features.PublicNotice.PublicNotice Draft() => new(Guid.NewGuid(), 2026,
        [new NoticeEntry { ApplicationId = Guid.NewGuid(), OrganizationName = "日程甲有限公司", Category = AwardCategory.Enterprise, Order = 1 }], T0);

    private async Task<Web.Features.PublicNotice.PublicNotice> ScheduledAsync(DateOnly start, bool countStart, TimeOnly closing)
    {
        var notice = Draft();
        var end = await PublicNoticeKit.EndAsync(app, start, 7, countStart);
        notice.Schedule(start, 7, countStart, end, closing);
        return notice;
    }

    private async Task<Web.Features.PublicNotice.PublicNotice> PublishedAsync(TimeOnly closing)
    {
        var notice = await ScheduledAsync(new DateOnly(2026, 12, 1), true, closing);
        notice.Edit(notice.Title, notice.Text, "北京市海淀区增光路33号", "010-68418800", "biaogan@caq.org.cn", new Dictionary<Guid, string>());
        notice.Publish("office", new DateOnly(2026, 11, 27), false, T0);
        return notice;
    }
}
