using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Lists;

/// <summary>催办补正: the preview names the filtered queue's applications still owing a 补正; the confirmation reminds exactly those.</summary>
public class QualificationReminderTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task The_preview_lists_only_applications_owing_a_supplement_and_the_confirmation_reminds_exactly_them()
    {
        var deadline = app.Clock.Today().AddDays(3);
        var owing = await ListsKit.QueuedAsync(app, ["催办甲1有限公司", "催办甲2有限公司"], ApplicationStatus.SupplementRequested, province: "31", deadline: deadline);
        var waiting = await ListsKit.QueuedAsync(app, ["催办甲3有限公司"], ApplicationStatus.AwaitingQualification, province: "31");
        var elsewhere = await ListsKit.QueuedAsync(app, ["催办甲4有限公司"], ApplicationStatus.SupplementRequested, province: "44");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var preview = await office.GetAsync($"/Qualification/Remind?q={Q("催办甲")}&region=31");
        var listed = preview.QuerySelectorAll("#recipients tbody tr").Select(r => r.Children[1].TextContent).ToList();
        Assert.Equal(["催办甲1有限公司", "催办甲2有限公司"], listed);
        Assert.Contains("将提醒 2 份待补正申报的 2 位用户", PageClient.Text(preview));

        // an application that starts to owe a 补正 after the preview is not reminded
        var late = await ListsKit.QueuedAsync(app, ["催办甲0有限公司"], ApplicationStatus.SupplementRequested, province: "31");
        var result = await office.SubmitAsync(preview, new Dictionary<string, string?> { ["Note"] = "如有困难请致电活动办公室。" });
        Assert.Contains("已向 2 份待补正申报的 2 位组织用户发送补正提醒", result.Text);

        foreach (var (id, applicant) in owing)
        {
            var number = (await ApplicationsBuilders.LoadAsync(app, id)).Number;
            Assert.Equal([$"提醒：请在 {ChinaTime.FormatWithWeekday(deadline)} 前提交补正材料（{number}）"], await Messages.InboxAsync(app, applicant));
            var mail = await Messages.LatestMailAsync(app, applicant.Email, DefaultTemplates.SupplementReminder);
            Assert.Contains("活动办公室附言：如有困难请致电活动办公室。", mail.Body);
            Assert.Contains($"/Qualification/Supplement/{id}", mail.Body);
        }
        Assert.Empty(await Messages.InboxAsync(app, waiting[0].Applicant));
        Assert.Empty(await Messages.InboxAsync(app, elsewhere[0].Applicant));
        Assert.Empty(await Messages.InboxAsync(app, late[0].Applicant));

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == ActionAudit.BulkAction).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal("催办补正（2 份申报，2 人）", entry.Action);
        Assert.Contains("地区：上海市", entry.After);
    }

    [Fact]
    public async Task The_api_previews_and_reminds_the_listed_applications_only_and_skips_one_no_longer_owing()
    {
        var chosen = await ListsKit.QueuedAsync(app, ["接催乙1有限公司"], ApplicationStatus.SupplementRequested, province: "35");
        var decided = await ListsKit.QueuedAsync(app, ["接催乙2有限公司"], ApplicationStatus.Qualified, province: "35");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var api = await office.ApiAsync();

        var preview = await api.GetFromJsonAsync<JsonElement>($"/api/qualification/reminder-recipients?q={Q("接催乙")}");
        var ids = preview.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("applicationId").GetGuid()).Distinct().ToList();
        Assert.Equal([chosen[0].Id], ids);
        Assert.Equal(1, preview.GetProperty("applications").GetInt32());

        var missing = await api.PostAsJsonAsync("/api/qualification/reminders", new { note = "请尽快" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("reminder-recipients", await missing.Content.ReadAsStringAsync());

        // an id of an application that owes nothing is not reminded even when posted
        var sent = await api.PostAsJsonAsync("/api/qualification/reminders", new { applicationIds = ids.Append(decided[0].Id), filter = "福建省" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(1, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applications").GetInt32());
        Assert.Single(await Messages.InboxAsync(app, chosen[0].Applicant));
        Assert.Empty(await Messages.InboxAsync(app, decided[0].Applicant));
    }
}
