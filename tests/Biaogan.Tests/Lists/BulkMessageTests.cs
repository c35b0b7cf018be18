using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Lists;

/// <summary>批量发送通知: the preview names exactly the filtered organisations' users; the confirmation writes to exactly those.</summary>
public class BulkMessageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<List<string>> InboxTitlesAsync(string userId) => app.WithDbAsync(db =>
        db.Set<InboxItem>().Where(i => i.UserId == userId).Select(i => i.Title).ToListAsync());

    [Fact]
    public async Task The_preview_lists_exactly_the_filtered_recipients_and_the_confirmation_sends_to_exactly_them()
    {
        var shanghai = await ListsKit.DraftsAsync(app, ["通知庚1有限公司", "通知庚2有限公司"], province: "31");
        var beijing = await ListsKit.DraftsAsync(app, ["通知庚3有限公司"], province: "11");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var preview = await office.GetAsync($"/Applications/Message?q={Uri.EscapeDataString("通知庚")}&region=31");
        var listed = preview.QuerySelectorAll("#recipients tbody tr").Select(r => r.Children[1].TextContent).ToList();
        Assert.Equal(["通知庚1有限公司", "通知庚2有限公司"], listed);
        Assert.Contains("将通知 2 份申报的 2 位用户", PageClient.Text(preview));

        // an organisation that starts to match after the preview is not written to
        var late = await ListsKit.DraftsAsync(app, ["通知庚0有限公司"], province: "31");
        var result = await office.SubmitAsync(preview, new Dictionary<string, string?> { ["Subject"] = "请核对联系人信息", ["Body"] = "请于本周内核对并更新联系人信息。" });
        Assert.Contains("已向 2 份申报的 2 位组织用户发送通知", result.Text);

        foreach (var (_, applicant) in shanghai) Assert.Equal(["请核对联系人信息"], await InboxTitlesAsync(applicant.UserId));
        Assert.Empty(await InboxTitlesAsync(beijing[0].Applicant.UserId));
        Assert.Empty(await InboxTitlesAsync(late[0].Applicant.UserId));
        var mails = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.TemplateKey == DefaultTemplates.OfficeMessage).ToListAsync());
        Assert.Equal(shanghai.Select(s => s.Applicant.Email).Order(), mails.Select(m => m.ToAddress).Order());
        Assert.All(mails, m => Assert.Contains("请于本周内核对并更新联系人信息。", m.Body));

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == ActionAudit.BulkAction).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal("批量发送通知“请核对联系人信息”（2 份申报，2 人）", entry.Action);
        Assert.Contains("地区：上海市", entry.After);
    }

    [Fact]
    public async Task The_api_previews_and_sends_to_the_listed_applications_only()
    {
        var chosen = await ListsKit.DraftsAsync(app, ["接口辛1有限公司"], province: "44");
        var other = await ListsKit.DraftsAsync(app, ["接口辛2有限公司"], province: "45");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var api = await office.ApiAsync();

        var preview = await api.GetFromJsonAsync<JsonElement>($"/api/applications/message-recipients?q={Uri.EscapeDataString("接口辛")}&region=44");
        var ids = preview.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("applicationId").GetGuid()).Distinct().ToList();
        Assert.Equal([chosen[0].Id], ids);

        var missing = await api.PostAsJsonAsync("/api/applications/messages", new { subject = "标题" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请填写通知正文", await missing.Content.ReadAsStringAsync());

        var sent = await api.PostAsJsonAsync("/api/applications/messages", new { applicationIds = ids, subject = "接口通知", body = "正文", filter = "广东省" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(["接口通知"], await InboxTitlesAsync(chosen[0].Applicant.UserId));
        Assert.Empty(await InboxTitlesAsync(other[0].Applicant.UserId));
    }
}
