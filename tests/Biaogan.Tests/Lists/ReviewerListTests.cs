using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Lists;

/// <summary>/api/reviewers as a paged list with the pool's filters, and 向评审员批量发送通知 (preview → confirm exactly the previewed set).</summary>
public class ReviewerListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Q(string text) => Uri.EscapeDataString(text);

    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task The_api_pages_and_filters_the_pool()
    {
        foreach (var name in new[] { "接口评审3", "接口评审1", "接口评审5", "接口评审2" })
            await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Candidate(name));
        await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Appointed("接口评审4"));
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var first = await office.Http.GetFromJsonAsync<JsonElement>($"/api/reviewers?q={Q("接口评审")}&size=2");
        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(3, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(["接口评审1", "接口评审2"], Names(first));
        var second = await office.Http.GetFromJsonAsync<JsonElement>($"/api/reviewers?q={Q("接口评审")}&size=2&p=2");
        Assert.Equal(["接口评审3", "接口评审4"], Names(second));
        var descending = await office.Http.GetFromJsonAsync<JsonElement>($"/api/reviewers?q={Q("接口评审")}&size=2&dir=desc");
        Assert.Equal(["接口评审5", "接口评审4"], Names(descending));
        Assert.Equal(["接口评审4"], Names(await office.Http.GetFromJsonAsync<JsonElement>($"/api/reviewers?q={Q("接口评审")}&status=Appointed")));
        Assert.Equal(4, (await office.Http.GetFromJsonAsync<JsonElement>($"/api/reviewers?q={Q("接口评审")}&status=Candidate")).GetProperty("total").GetInt32());
        Assert.Equal(["接口评审4"], Names(await office.Http.GetFromJsonAsync<JsonElement>($"/api/reviewers?q={Q("接口评审")}&eligibility=Met&status=Appointed")));

        var unknown = await office.Http.GetAsync("/api/reviewers?status=Retired");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("状态“Retired”不存在", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await office.Http.GetAsync("/api/reviewers?province=99")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.Http.GetAsync("/api/reviewers/message-recipients?eligibility=Maybe")).StatusCode);
    }

    [Fact]
    public async Task The_preview_lists_the_filtered_reviewers_with_accounts_and_the_confirmation_writes_to_exactly_them()
    {
        var one = await ReviewersTestKit.AppointedReviewerAsync(app, "通知评审1");
        var two = await ReviewersTestKit.AppointedReviewerAsync(app, "通知评审2");
        await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Candidate("通知评审3"));
        var other = await ReviewersTestKit.AppointedReviewerAsync(app, "其他评审丁");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var preview = await office.GetAsync($"/Reviewers/Message?q={Q("通知评审")}");
        Assert.Equal(["通知评审1", "通知评审2"], preview.QuerySelectorAll("#recipients tbody tr").Select(r => r.Children[0].TextContent).ToList());
        Assert.Contains("将通知 2 名评审员。另有 1 人尚未开通系统账号或账号已停用", PageClient.Text(preview));

        var late = await ReviewersTestKit.AppointedReviewerAsync(app, "通知评审0");
        var result = await office.SubmitAsync(preview, new Dictionary<string, string?> { ["Subject"] = "现场评审培训安排", ["Body"] = "请于下周三参加线上培训。" });
        Assert.Contains("已向 2 名评审员发送通知", result.Text);
        Assert.Equal(["现场评审培训安排"], await Messages.InboxAsync(app, one.Persona));
        Assert.Equal(["现场评审培训安排"], await Messages.InboxAsync(app, two.Persona));
        Assert.Empty(await Messages.InboxAsync(app, other.Persona));
        Assert.Empty(await Messages.InboxAsync(app, late.Persona));
        var mail = await Messages.LatestMailAsync(app, one.Persona.Email, DefaultTemplates.OfficeReviewerMessage);
        Assert.Contains("请于下周三参加线上培训。", mail.Body);

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == ActionAudit.BulkAction).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal("向评审员批量发送通知“现场评审培训安排”（2 人）", entry.Action);
        Assert.Contains("姓名：通知评审", entry.After);
    }

    [Fact]
    public async Task The_api_previews_and_sends_to_the_listed_reviewers_only()
    {
        var chosen = await ReviewersTestKit.AppointedReviewerAsync(app, "接口通知评审甲");
        var other = await ReviewersTestKit.AppointedReviewerAsync(app, "接口通知评审乙");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var api = await office.ApiAsync();

        var preview = await api.GetFromJsonAsync<JsonElement>($"/api/reviewers/message-recipients?q={Q("接口通知评审甲")}");
        var ids = preview.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("profileId").GetGuid()).ToList();
        Assert.Equal([chosen.ProfileId], ids);

        var missing = await api.PostAsJsonAsync("/api/reviewers/messages", new { subject = "标题", body = "正文" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("message-recipients", await missing.Content.ReadAsStringAsync());

        var sent = await api.PostAsJsonAsync("/api/reviewers/messages", new { profileIds = ids, subject = "接口通知", body = "正文" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(["接口通知"], await Messages.InboxAsync(app, chosen.Persona));
        Assert.Empty(await Messages.InboxAsync(app, other.Persona));
    }
}
