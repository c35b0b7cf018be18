using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Confirmation;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Sharing;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Sharing;

/// <summary>
/// Issue 12 item 3 (第二十五、三十一条): an event from planning to attendance on the pages, one chronology on one clock (the
/// runner loop is off, the test moves the clock and runs the due reminder).
/// </summary>
public class SharingEventTests(JobsAppFactory app) : IClassFixture<JobsAppFactory>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task The_office_plans_an_event_invites_benchmarks_reminds_the_silent_one_and_records_who_came()
    {
        var speaker = await AwardsTestKit.WinnerAsync(app, "交流发言有限公司");
        var silent = await AwardsTestKit.WinnerAsync(app, "未答复标杆有限公司");
        var revoked = await AwardsTestKit.WinnerAsync(app, "已撤销标杆有限公司");
        await RevokeAsync(app, revoked.Award.Id, "查证属实。");
        var officePerson = await Cast.OfficeAsync(app);
        var office = await Cast.SignInAsync(app, officePerson);

        // 2026-11-27 today; the event on 2026-12-17, so the reminder is due 2026-12-10 09:00.
        var created = await office.SubmitAsync("/Sharing", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Conference", ["Input.Title"] = "2026年度标杆经验交流大会", ["Input.Topic"] = "数字化服务与用户满意",
            ["Input.StartsOn"] = "2026-12-17", ["Input.EndsOn"] = "", ["Input.Place"] = "北京市西城区（测试会场）",
        }, "form[action*='handler=Create']");
        Assert.Empty(created.Errors);
        var ev = await app.WithDbAsync(db => db.Set<SharingEvent>().AsNoTracking().SingleAsync(e => e.Title == "2026年度标杆经验交流大会"));
        var eventPage = await office.GetAsync(SharingLinks.Event(ev.Id));
        var offered = PageClient.Text(eventPage);
        Assert.Contains("交流发言有限公司", offered);
        Assert.DoesNotContain("已撤销标杆有限公司", offered);
        foreach (var w in new[] { speaker, silent })
            Assert.Empty((await office.SubmitAsync(SharingLinks.Event(ev.Id), new Dictionary<string, string?> { ["AwardIds"] = w.Award.Id.ToString() },
                "form[action*='handler=Invite']")).Errors);
        await Messages.LatestMailAsync(app, speaker.Contact.Email, DefaultTemplates.SharingInvitation);
        Assert.Contains(await Messages.InboxAsync(app, silent.Contact), t => t.Contains("2026年度标杆经验交流大会"));
        var reminders = await app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking().Where(w => w.Kind == SharingReminderWork.WorkKind).ToListAsync());
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(new DateTimeOffset(2026, 12, 10, 9, 0, 0, China), r.DueAt));

        // The winner sees the invitation as a to-do and answers it with a talk and its materials.
        var winner = await Cast.SignInAsync(app, speaker.Contact);
        Assert.Contains("答复活动邀请：2026年度标杆经验交流大会", PageClient.Text(await winner.GetAsync("/Progress/Todo")));
        var invitationId = await app.WithDbAsync(db => db.Set<SharingInvitation>().Where(i => i.AwardId == speaker.Award.Id).Select(i => i.Id).SingleAsync());
        var answered = await winner.SubmitAsync(SharingLinks.Answer(invitationId), new Dictionary<string, string?>
        {
            ["Input.Answer"] = "Attend", ["Input.Attendees"] = "王建国（总经理）", ["Input.WillSpeak"] = "true", ["Input.TalkTitle"] = "投诉闭环管理的做法",
        }, files: [new UploadFile("Uploads", "交流材料.pdf", SharingKit.Pdf, "application/pdf")]);
        Assert.Empty(answered.Errors);
        Assert.DoesNotContain("答复活动邀请", PageClient.Text(await winner.GetAsync("/Progress/Todo")));

        eventPage = await office.GetAsync(SharingLinks.Event(ev.Id));
        Assert.Contains("投诉闭环管理的做法", PageClient.Text(eventPage));
        var fileLink = eventPage.QuerySelector("a[href*='handler=File']")!.GetAttribute("href")!;
        var download = await office.Http.GetAsync(SharingLinks.Event(ev.Id) + fileLink);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SharingKit.Pdf, await download.Content.ReadAsByteArrayAsync());

        // Attendance waits for the event to begin.
        var early = await office.SubmitAsync(eventPage, new Dictionary<string, string?> { [$"Attendance[{invitationId}]"] = "Present" },
            "form[action*='handler=Attendance']");
        Assert.Contains(early.Errors, e => e.Contains("请在活动开始后再登记出席情况"));

        // The reminder goes to the benchmark that has not answered, not to the one that has.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 9, 0, 0, China));
        await app.NewRunner().RunDueAsync();
        await Messages.LatestMailAsync(app, silent.Contact.Email, DefaultTemplates.SharingAnswerReminder);
        Assert.False(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.ToAddress == speaker.Contact.Email && m.TemplateKey == DefaultTemplates.SharingAnswerReminder)));

        // Once the event has begun: no more answers, attendance is recorded and the event is held.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 17, 10, 0, 0, China));
        var late = await (await Cast.SignInAsync(app, silent.Contact)).ApiAsync();
        var silentInvitation = await SharingKit.InvitationAsync(late, ev.Id);
        var refused = await late.PostAsJsonAsync($"/api/sharing/invitations/{silentInvitation.GetProperty("id").GetGuid()}/answer", new { answer = "Attend", attendees = "周明" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("不能再在系统中答复", await refused.Content.ReadAsStringAsync());
        office = await Cast.SignInAsync(app, officePerson);
        var recorded = await office.SubmitAsync(SharingLinks.Event(ev.Id), new Dictionary<string, string?>
        {
            [$"Attendance[{invitationId}]"] = "Present", [$"Attendance[{silentInvitation.GetProperty("id").GetGuid()}]"] = "Absent",
        }, "form[action*='handler=Attendance']");
        Assert.Empty(recorded.Errors);
        Assert.Equal(SharingEventStatus.Held, (await app.WithDbAsync(db => db.Set<SharingEvent>().AsNoTracking().SingleAsync(e => e.Id == ev.Id))).Status);

        // The participation is part of the benchmark's record: the award page and the confirmation period.
        var details = PageClient.Text(await office.GetAsync($"/Awards/Details/{speaker.Award.Id}"));
        Assert.Contains("经验交流与推广", details);
        Assert.Contains("2026年度标杆经验交流大会", details);
        Assert.Contains("出席", details);
        Assert.Contains("缺席", PageClient.Text(await (await Cast.SignInAsync(app, silent.Contact)).GetAsync("/Sharing/Mine")));
        await app.WithScopeAsync(async sp =>
        {
            var award = await AwardsTestKit.ReloadAsync(app, speaker.Award.Id);
            var lines = await sp.GetServices<IConfirmationPeriodRecords>().OfType<SharingPeriodRecords>().Single()
                .ForAsync(award, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), default);
            Assert.Contains(lines, l => l.Text.Contains("2026年度标杆经验交流大会") && l.Text.Contains("出席") && l.Text.Contains("投诉闭环管理的做法"));
        });
    }
}
