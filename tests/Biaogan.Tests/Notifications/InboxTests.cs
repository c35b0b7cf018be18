using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Biaogan.Tests.Notifications.OutboxSteps;

namespace Biaogan.Tests.Notifications;

/// <summary>站内信: each person sees, opens and marks read only their own messages (/Notifications/Inbox, /api/inbox).</summary>
public class InboxTests(NotificationsAppFactory app) : IClassFixture<NotificationsAppFactory>
{
    private sealed record InboxItemJson(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
    private sealed record InboxJson(int Unread, int Total, List<InboxItemJson> Items);

    private async Task<(Persona Persona, PageClient Client)> PersonAsync(string name)
    {
        var persona = await Cast.PersonAsync(app, name, Roles.Applicant);
        return (persona, await Cast.SignInAsync(app, persona));
    }

    private async Task NotifyPersonaAsync(Persona who, string number)
    {
        AppUser user = null!;
        await app.WithScopeAsync(async sp => user = (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(who.UserId))!);
        await NotifyAsync(app, DefaultTemplates.QualificationPassed, [user], Passed(number), link: "/Applications/" + number);
    }

    [Fact]
    public async Task A_notification_appears_in_the_inbox_of_its_recipient_only()
    {
        var (jia, jiaClient) = await PersonAsync("李晓梅");
        var (_, yiClient) = await PersonAsync("张伟");
        await NotifyPersonaAsync(jia, "BG2026-1001");

        var inbox = await jiaClient.GetAsync("/Notifications/Inbox");
        var link = inbox.QuerySelector("main a[href^='/Notifications/Inbox/'] strong");
        Assert.Equal("资格审查结果：BG2026-1001 通过", link?.TextContent);
        Assert.Contains("未读", inbox.QuerySelector("main tbody")!.TextContent);
        Assert.Equal("1", inbox.QuerySelector("nav a[href='/Notifications/Inbox'] .badge")?.TextContent);

        var other = await yiClient.GetAsync("/Notifications/Inbox");
        Assert.DoesNotContain("BG2026-1001", PageClient.Text(other));
        Assert.Contains("暂无站内信", PageClient.Text(other));
        Assert.Null(other.QuerySelector("nav a[href='/Notifications/Inbox'] .badge"));

        var mine = await jiaClient.Http.GetFromJsonAsync<InboxJson>("/api/inbox");
        Assert.Equal(1, mine!.Unread);
        Assert.Equal("资格审查结果：BG2026-1001 通过", Assert.Single(mine.Items).Title);
        var theirs = await yiClient.Http.GetFromJsonAsync<InboxJson>("/api/inbox");
        Assert.Empty(theirs!.Items);
    }

    [Fact]
    public async Task Opening_a_message_shows_it_with_its_link_and_marks_it_read()
    {
        var (jia, client) = await PersonAsync("李晓梅");
        await NotifyPersonaAsync(jia, "BG2026-2001");
        var href = (await client.GetAsync("/Notifications/Inbox")).QuerySelector("main a[href^='/Notifications/Inbox/']")!.GetAttribute("href")!;

        var message = await client.GetAsync(href);

        Assert.Equal("资格审查结果：BG2026-2001 通过", message.QuerySelector("main h1")!.TextContent);
        Assert.Contains("李晓梅，您好：\n\n贵组织的申报（BG2026-2001）已通过资格审查", message.QuerySelector("main article")!.TextContent);
        var details = message.QuerySelector("main a.btn");
        Assert.Equal("查看详情", details?.TextContent);
        Assert.Equal("/Applications/BG2026-2001", details?.GetAttribute("href"));
        Assert.Null(message.QuerySelector("nav a[href='/Notifications/Inbox'] .badge"));
        var list = await client.GetAsync("/Notifications/Inbox");
        Assert.Null(list.QuerySelector("main a[href^='/Notifications/Inbox/'] strong"));
        Assert.Contains("已读", list.QuerySelector("main tbody")!.TextContent);
    }

    [Fact]
    public async Task Mark_all_read_and_the_api_mark_read_clear_the_unread_count()
    {
        var (jia, client) = await PersonAsync("李晓梅");
        await NotifyPersonaAsync(jia, "BG2026-3001");
        await NotifyPersonaAsync(jia, "BG2026-3002");
        await NotifyPersonaAsync(jia, "BG2026-3003");
        var items = (await client.Http.GetFromJsonAsync<InboxJson>("/api/inbox"))!.Items;
        Assert.Equal(["BG2026-3003", "BG2026-3002", "BG2026-3001"], items.Select(i => i.Title[7..18]));

        var token = await CsrfTokenAsync(client);
        using var read = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/{items[0].Id}/read");
        read.Headers.Add("X-CSRF-TOKEN", token);
        var response = await client.Http.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await client.Http.GetFromJsonAsync<InboxJson>("/api/inbox"))!.Unread);

        var page = await client.GetAsync("/Notifications/Inbox");
        Assert.Equal("2", page.QuerySelector("nav a[href='/Notifications/Inbox'] .badge")?.TextContent);
        var done = await client.SubmitAsync(page, new Dictionary<string, string?>());
        Assert.Contains("已将 2 条站内信标为已读", done.Text);
        Assert.Equal(0, (await client.Http.GetFromJsonAsync<InboxJson>("/api/inbox"))!.Unread);
        Assert.Null(done.Page.QuerySelector("nav a[href='/Notifications/Inbox'] .badge"));
    }

    [Fact]
    public async Task Another_persons_message_is_not_found_on_the_page_or_in_the_api()
    {
        var (jia, jiaClient) = await PersonAsync("李晓梅");
        var (_, yiClient) = await PersonAsync("张伟");
        await NotifyPersonaAsync(jia, "BG2026-4001");
        var id = (await jiaClient.Http.GetFromJsonAsync<InboxJson>("/api/inbox"))!.Items.Single().Id;

        var page = await yiClient.Http.GetAsync($"/Notifications/Inbox/{id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("BG2026-4001", await page.Content.ReadAsStringAsync());

        using var read = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/{id}/read");
        read.Headers.Add("X-CSRF-TOKEN", await CsrfTokenAsync(yiClient));
        Assert.Equal(HttpStatusCode.NotFound, (await yiClient.Http.SendAsync(read)).StatusCode);

        Assert.Equal(1, (await jiaClient.Http.GetFromJsonAsync<InboxJson>("/api/inbox"))!.Unread);
    }

    [Fact]
    public async Task The_inbox_api_needs_a_signed_in_user_and_a_csrf_token_to_write()
    {
        var anonymous = Cast.Anonymous(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync("/api/inbox")).StatusCode);

        var (jia, client) = await PersonAsync("李晓梅");
        await NotifyPersonaAsync(jia, "BG2026-5001");
        var id = (await client.Http.GetFromJsonAsync<InboxJson>("/api/inbox"))!.Items.Single().Id;
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsync($"/api/inbox/{id}/read", null)).StatusCode);
        Assert.Equal(1, (await client.Http.GetFromJsonAsync<InboxJson>("/api/inbox"))!.Unread);
    }

    private static async Task<string> CsrfTokenAsync(PageClient client)
    {
        var json = await client.Http.GetFromJsonAsync<Dictionary<string, string>>("/api/antiforgery");
        return json!["token"];
    }
}
