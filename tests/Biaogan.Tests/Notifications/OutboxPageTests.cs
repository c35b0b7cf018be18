using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using static Biaogan.Tests.Notifications.OutboxSteps;

namespace Biaogan.Tests.Notifications;

/// <summary>The office's view of the outbox (/Notifications/Outbox): failures with their reason, and 重新发送.</summary>
public class OutboxPageTests(NotificationsAppFactory app) : IClassFixture<NotificationsAppFactory>
{
    [Fact]
    public async Task An_invalid_address_fails_at_once_and_the_office_can_resend_it_after_fixing_the_cause()
    {
        var broken = new AppUser { DisplayName = "钱丁", Email = "qian ding at example" };
        await NotifyAsync(app, DefaultTemplates.QualificationPassed, [broken], Passed("BG2026-6001"));

        Assert.Equal(new DispatchResult(0, 0, 1), await DispatchAsync(app));
        var failed = await OutboxToAsync(app, broken.Email);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("格式不正确", failed.LastError);

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var page = await office.GetAsync("/Notifications/Outbox?status=Failed");
        var row = page.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains("BG2026-6001"));
        Assert.Contains("发送失败", row.TextContent);
        Assert.Contains("格式不正确", row.TextContent);
        Assert.Contains("投递目录", PageClient.Text(page));

        var resent = await office.SubmitAsync(page, new Dictionary<string, string?>(), formSelector: $"form[action*='{failed.Id}']");
        Assert.Contains("重新加入发送队列", resent.Text);
        var queued = await OutboxToAsync(app, broken.Email);
        Assert.Equal(OutboxStatus.Pending, queued.Status);
        Assert.Equal(0, queued.Attempts);
        Assert.Equal(app.Clock.GetUtcNow(), queued.NextAttemptAt);
    }

    [Fact]
    public async Task Only_the_office_sees_the_outbox()
    {
        var reviewer = await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));
        var response = await reviewer.Http.GetAsync("/Notifications/Outbox");
        Assert.Equal("/Account/AccessDenied", response.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
