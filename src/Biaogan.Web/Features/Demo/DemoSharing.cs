using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Sharing;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// The demo's experience sharing (第二十五、三十一条), through the entities' own rules: the 2025 benchmarks' exchange conference
/// held on 2026-05-20 (both valid winners invited, one spoke, attendance recorded), an upcoming promotion event 30 days from
/// today with one invitation answered and one not (its reminder is a scheduled-work row), one published case and one awaiting
/// the office's review.
/// </summary>
internal static class DemoSharing
{
    private const string Office = "演示（活动办公室）", Winner = "演示（获奖组织）";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static async Task SeedAsync(AppDbContext db, WorkScheduler scheduler, IReadOnlyList<Award> awards, TimeProvider clock, CancellationToken ct)
    {
        var valid = awards.Where(a => a.Status == AwardStatus.Valid || a.Status == AwardStatus.UnderConfirmation).Take(2).ToList();
        if (valid.Count < 2) return;
        var planned = new DateTimeOffset(2026, 3, 2, 10, 0, 0, China);
        var held = new SharingEvent(SharingEventKind.Conference, "2025年度全国用户满意标杆经验交流大会", "以用户为中心的质量改进与服务创新",
            new DateOnly(2026, 5, 20), new DateOnly(2026, 5, 21), "浙江省杭州市（演示会场）", "交流 2025 年度标杆的用户满意经验（演示数据）。",
            new DateOnly(2026, 3, 2), Office, planned);
        var invitedAt = new DateTimeOffset(2026, 4, 1, 9, 0, 0, China);
        var a = new SharingInvitation(held, valid[0], invitedAt);
        var b = new SharingInvitation(held, valid[1], invitedAt);
        held.Invited(2, new DateOnly(2026, 4, 1));
        a.Respond(held, InvitationAnswer.Attend, "王建国（总经理）、李晓梅（质量部部长）", true, "售后服务一次修复率提升的做法", null,
            new DateOnly(2026, 4, 10), Winner, new DateTimeOffset(2026, 4, 10, 15, 0, 0, China));
        b.Respond(held, InvitationAnswer.Attend, "周明（副总经理）", false, null, null, new DateOnly(2026, 4, 12), Winner,
            new DateTimeOffset(2026, 4, 12, 11, 0, 0, China));
        a.RecordAttendance(held, Attendance.Present, new DateOnly(2026, 5, 21), Office, new DateTimeOffset(2026, 5, 21, 17, 0, 0, China));
        b.RecordAttendance(held, Attendance.Absent, new DateOnly(2026, 5, 21), Office, new DateTimeOffset(2026, 5, 21, 17, 0, 0, China));
        db.AddRange(held, a, b);

        var now = clock.GetUtcNow();
        var today = clock.Today();
        var upcoming = new SharingEvent(SharingEventKind.Promotion, "用户满意标杆经验推广活动（华东）", "数字化客户服务与投诉闭环管理",
            today.AddDays(30), null, "江苏省南京市（演示会场）", "", today, Office, now);
        var c = new SharingInvitation(upcoming, valid[0], now);
        var d = new SharingInvitation(upcoming, valid[1], now);
        upcoming.Invited(2, today);
        c.Respond(upcoming, InvitationAnswer.Attend, "李晓梅（质量部部长）", false, null, "演示数据", today, Winner, now);
        db.AddRange(upcoming, c, d);

        var published = new BenchmarkPractice(valid[0], "售后服务“一次修好”：从一次修复率 92% 到 97% 的三年改进",
            "1. 做法：建立维修知识库和备件前置仓，维修工程师上门前远程诊断；\n2. 成效：一次修复率由 92% 提升到 97.1%，用户满意度指数提升 0.8 分；\n3. 可推广的经验：把用户投诉逐条转成改进项目，按月公开进展（演示数据）。",
            Winner, new DateTimeOffset(2026, 6, 1, 10, 0, 0, China));
        published.Submit(valid[0], Winner, new DateTimeOffset(2026, 6, 1, 10, 5, 0, China));
        published.Approve(valid[0], new DateOnly(2026, 6, 5), Office);
        var pending = new BenchmarkPractice(valid[1], "城乡一体化供水的用户满意度管理",
            "以水质公开、停水提前告知和 24 小时抢修承诺为抓手，三年用户满意度提升 3 分（演示数据）。", Winner, now);
        pending.Submit(valid[1], Winner, now);
        db.AddRange(published, pending);
        await db.SaveChangesAsync(ct);

        var remindAt = ChinaTime.At(upcoming.StartsOn.AddDays(-7), new TimeOnly(9, 0));
        if (remindAt > now)
            await scheduler.ScheduleAsync(SharingReminderWork.WorkKind, SharingReminderWork.Key(d.Id, upcoming.StartsOn), remindAt,
                new SharingReminderWork.Payload(d.Id, upcoming.StartsOn), ct: ct);
    }
}
