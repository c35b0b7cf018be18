using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Supervision;

/// <summary>
/// Issue 12 item 4 (第二十六条): the organisation's written report and its lateness, the office's registration with a deadline
/// and the reminder and overdue notice as scheduled-work rows. The runner loop is off (JobsAppFactory): the test runs it.
/// </summary>
public class IncidentReportTests(JobsAppFactory app) : IClassFixture<JobsAppFactory>
{
    [Fact]
    public async Task A_report_filed_after_one_calendar_month_opens_a_case_and_shows_how_many_days_late()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "迟报事件有限公司");
        var page = await Cast.SignInAsync(app, winner.Contact);
        // happened 10-20, due 11-20; the fixture's clock starts 2026-11-27 (China Standard Time) and other tests may move it on
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var late = today.DayNumber - new DateOnly(2026, 11, 20).DayNumber;
        Assert.True(late >= 7);
        var result = await page.SubmitAsync("/Supervision/Report", new Dictionary<string, string?>
        {
            ["AwardId"] = winner.Award.Id.ToString(), ["Category"] = nameof(IncidentCategory.MajorAccident), ["OccurredOn"] = "2026-10-20",
            ["WhatHappened"] = "10月20日一条生产线发生质量事故。", ["Measures"] = "已停线整改并召回相关批次。",
        });
        Assert.Empty(result.Errors);
        var incident = await app.WithDbAsync(db => db.Set<Incident>().AsNoTracking().SingleAsync(i => i.AwardId == winner.Award.Id));
        Assert.Equal(new DateOnly(2026, 11, 20), incident.ReportDueOn);
        Assert.Equal(late, incident.DaysLate(app.Clock.GetUtcNow()));
        var c = await app.WithDbAsync(db => db.Set<SupervisionCase>().AsNoTracking().SingleAsync(x => x.Id == incident.CaseId));
        Assert.Equal(CaseKind.Incident, c.Kind);
        Assert.Contains($"逾期 {late} 天", PageClient.Text(await page.GetAsync($"/Supervision/Case/{c.Id}")));
    }

    [Fact]
    public async Task Bad_input_is_answered_in_Chinese_and_what_was_typed_stays()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "填报校验有限公司");
        var page = await Cast.SignInAsync(app, winner.Contact);
        var result = await page.SubmitAsync("/Supervision/Report", new Dictionary<string, string?>
        {
            ["AwardId"] = winner.Award.Id.ToString(), ["Category"] = nameof(IncidentCategory.MajorComplaint), ["OccurredOn"] = "2026-11-01",
            ["WhatHappened"] = "多名用户联名投诉服务质量。", ["Measures"] = "",
        });
        Assert.Contains(result.Errors, e => e.Contains("请填写已采取的措施"));
        Assert.Equal("多名用户联名投诉服务质量。", result.Page.QuerySelector("textarea[name=WhatHappened]")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.Set<Incident>().AnyAsync(i => i.AwardId == winner.Award.Id)));
    }

    [Fact]
    public async Task A_requested_report_has_a_reminder_and_an_overdue_notice_as_scheduled_work()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "通报事件有限公司");
        var office = await OfficeApiAsync(app);
        var registered = await JsonAsync(await office.PostAsJsonAsync("/api/supervision/incidents/register", new
        {
            awardId = winner.Award.Id, category = "FailedInspection", source = "Regulator", occurredOn = "2026-11-10",
            account = "市场监管局通报抽检不合格。", reportBy = "2026-12-15",
        }), HttpStatusCode.Created);
        var id = registered.GetProperty("id").GetGuid();
        Assert.Equal("2026-12-15", registered.GetProperty("dueOn").GetString());
        await Messages.LatestMailAsync(app, winner.Contact.Email, DefaultTemplates.IncidentReportRequested);

        var rows = await app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking()
            .Where(w => w.Kind == IncidentReminderWork.WorkKind && w.Key.StartsWith(id.ToString())).OrderBy(w => w.DueAt).ToListAsync());
        Assert.Equal([$"{id}:2026-12-15:reminder", $"{id}:2026-12-15:overdue"], rows.Select(w => w.Key));
        // 7 days before at 09:00 and the morning after, China Standard Time
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(8)), rows[0].DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.FromHours(8)), rows[1].DueAt);

        var runner = app.NewRunner();
        app.Clock.Advance(TimeSpan.FromDays(19.5)); // 2026-12-16 22:00 China time: both are due
        Assert.Equal(2, await runner.RunDueAsync());
        await Messages.LatestMailAsync(app, winner.Contact.Email, DefaultTemplates.IncidentReportReminder);
        await Messages.LatestMailAsync(app, winner.Contact.Email, DefaultTemplates.IncidentReportOverdue);

        var own = await (await Cast.SignInAsync(app, winner.Contact)).ApiAsync();
        var incidents = await JsonAsync(await own.GetAsync("/api/supervision/incidents"), HttpStatusCode.OK);
        var mine = incidents.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(1, mine.GetProperty("daysLate").GetInt32());
        var reported = await JsonAsync(await own.PostAsJsonAsync($"/api/supervision/incidents/{id}/report", new
        {
            whatHappened = "抽检批次浑浊度超标。", measures = "已更换滤料并复检合格。", version = mine.GetProperty("version").GetInt32(),
        }), HttpStatusCode.OK);
        Assert.Equal(1, reported.GetProperty("daysLate").GetInt32());
        Assert.NotNull(reported.GetProperty("reportedAt").GetString());
    }

    [Fact]
    public async Task An_organisation_cannot_report_on_or_see_another_ones_incident()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "他人事件有限公司");
        var office = await OfficeApiAsync(app);
        var registered = await JsonAsync(await office.PostAsJsonAsync("/api/supervision/incidents/register", new
        {
            awardId = winner.Award.Id, category = "MajorComplaint", source = "Media", occurredOn = "2026-11-20", account = "媒体报道。",
        }), HttpStatusCode.Created);
        var id = registered.GetProperty("id").GetGuid();
        var other = await (await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "别家组织有限公司"))).ApiAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/supervision/incidents/{id}/report",
            new { whatHappened = "x", measures = "y" })).StatusCode);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync("/api/supervision/incidents"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/supervision/incidents",
            new { awardId = winner.Award.Id, category = "MajorAccident", occurredOn = "2026-11-20", whatHappened = "x", measures = "y" })).StatusCode);
    }
}
