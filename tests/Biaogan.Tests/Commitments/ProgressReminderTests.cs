using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Commitments;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Commitments;

/// <summary>
/// Issue 12 item 2 (第二十三条): the reminder before and the overdue notice after a progress report's due date are rows of the
/// scheduled-work table, and the due date ends at midnight China Standard Time. One chronology on one clock: the runner loop
/// is off (JobsAppFactory), the test moves the clock and runs the due work.
/// </summary>
public class ProgressReminderTests(JobsAppFactory app) : IClassFixture<JobsAppFactory>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task Reports_are_reminded_before_and_chased_after_midnight_of_the_due_date_and_the_office_sees_who_is_late()
    {
        var punctual = await AwardsTestKit.WinnerAsync(app, "按时报告有限公司");
        var late = await AwardsTestKit.WinnerAsync(app, "逾期报告有限公司");
        Assert.Equal(2026, punctual.Award.Year);

        // Recording goals plans the notices of the three reports (2026, 2027, 2028) at once; keys carry the due date.
        var own = await (await Cast.SignInAsync(app, punctual.Contact)).ApiAsync();
        await JsonAsync(await own.PutAsJsonAsync($"/api/commitments/{punctual.Award.Id}/goals", new { goals = "满意度三年提升 5 分。" }), HttpStatusCode.OK);
        var rows = await RowsAsync(punctual.Award.Id);
        Assert.Equal(6, rows.Count);
        var first = rows.Where(w => w.Key.Contains(":2026:")).OrderBy(w => w.DueAt).ToList();
        Assert.Equal([$"{punctual.Award.Id}:2026:2027-03-31:reminder", $"{punctual.Award.Id}:2026:2027-03-31:overdue"], first.Select(w => w.Key));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 9, 0, 0, China), first[0].DueAt);
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 9, 0, 0, China), first[1].DueAt);

        // The daily planning round gives the other winner (no goals recorded) its rows too, and a second round adds nothing.
        Assert.Empty(await RowsAsync(late.Award.Id));
        Assert.Contains("新排期", await PlanAsync());
        Assert.Equal(6, (await RowsAsync(late.Award.Id)).Count);
        await PlanAsync();
        Assert.Equal(6, (await RowsAsync(late.Award.Id)).Count);

        var runner = app.NewRunner();
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, China));
        await runner.RunDueAsync();
        await Messages.LatestMailAsync(app, punctual.Contact.Email, DefaultTemplates.ProgressReportReminder);
        await Messages.LatestMailAsync(app, late.Contact.Email, DefaultTemplates.ProgressReportReminder);

        // 23:59:59 on the due date in Beijing is on time; one second later (16:00 UTC) is a day late.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 31, 23, 59, 59, China));
        own = await (await Cast.SignInAsync(app, punctual.Contact)).ApiAsync();
        var onTime = await JsonAsync(await own.PostAsJsonAsync($"/api/commitments/{punctual.Award.Id}/reports", Report(2026)), HttpStatusCode.Created);
        Assert.Equal(0, onTime.GetProperty("daysLate").GetInt32());
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var lateApi = await (await Cast.SignInAsync(app, late.Contact)).ApiAsync();
        var lateLines = await JsonAsync(await lateApi.GetAsync("/api/commitments"), HttpStatusCode.OK);
        var line = lateLines.EnumerateArray().Single(l => l.GetProperty("year").GetInt32() == 2026);
        Assert.Equal("Overdue", line.GetProperty("state").GetString());
        Assert.Equal(1, line.GetProperty("daysLate").GetInt32());

        // The overdue notice the morning after: to the organisation that has not filed and to the office; nothing to the one that has.
        var officePerson = await Cast.OfficeAsync(app);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 1, 9, 0, 0, China));
        await runner.RunDueAsync();
        await Messages.LatestMailAsync(app, late.Contact.Email, DefaultTemplates.ProgressReportOverdue);
        Assert.False(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.ToAddress == punctual.Contact.Email && m.TemplateKey == DefaultTemplates.ProgressReportOverdue)));
        await Messages.LatestMailAsync(app, officePerson.Email, DefaultTemplates.ProgressReportOverdueOffice);
        var done = await app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking()
            .SingleAsync(w => w.Key == $"{punctual.Award.Id}:2026:2027-03-31:overdue"));
        Assert.Equal("进展报告已提交，无需提醒。", done.Result);

        // The office's list of who is late names the one that has not filed.
        var office = await Cast.SignInAsync(app, officePerson);
        var overdue = (await office.GetAsync("/Commitments")).QuerySelector("#overdue")!.TextContent;
        Assert.Contains("逾期报告有限公司", overdue);
        Assert.DoesNotContain("按时报告有限公司", overdue);
        Assert.Contains("逾期未提交的获奖组织年度进展报告", PageClient.Text(await office.GetAsync("/Progress/Todo")));

        lateApi = await (await Cast.SignInAsync(app, late.Contact)).ApiAsync(); // a new day, a new session
        var filedLate = await JsonAsync(await lateApi.PostAsJsonAsync($"/api/commitments/{late.Award.Id}/reports", Report(2026)), HttpStatusCode.Created);
        Assert.Equal(1, filedLate.GetProperty("daysLate").GetInt32());
    }

    private static object Report(int year) => new
    {
        year, goalProgress = "目标完成 60%。", satisfactionResults = "第三方测评 84.5 分。", newPractices = "推行六西格玛项目。",
    };

    private Task<List<ScheduledWork>> RowsAsync(Guid awardId) => app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking()
        .Where(w => w.Kind == ProgressReminderWork.WorkKind && w.Key.StartsWith(awardId.ToString())).ToListAsync());

    private async Task<string> PlanAsync()
    {
        string? result = null;
        await app.WithScopeAsync(async sp =>
        {
            var work = sp.GetServices<IScheduledWork>().OfType<ProgressPlanningWork>().Single();
            result = await work.RunAsync(new WorkItem(Guid.NewGuid(), ProgressPlanningWork.WorkKind, "test", "{}", app.Clock.GetUtcNow(), 1, 1, "test"), default);
        });
        return result!;
    }
}
