using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Notifications;
using static Biaogan.Tests.Notifications.OutboxSteps;

namespace Biaogan.Tests.Notifications;

/// <summary>SMTP down: the e-mail waits and is retried with backoff, and is delivered once the server is back.</summary>
public class SmtpOutageTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    [Fact]
    public async Task An_email_waits_while_smtp_is_down_and_is_sent_when_it_is_back()
    {
        var to = Recipient();
        await NotifyAsync(app, DefaultTemplates.QualificationPassed, [to], Passed("BG2026-0101"));

        var first = await DispatchAsync(app);

        Assert.Equal(new DispatchResult(0, 1, 0), first);
        var waiting = await OutboxToAsync(app, to.Email!);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.Contains("无法连接邮件服务器", waiting.LastError);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(1), waiting.NextAttemptAt);
        Assert.Null(waiting.ClaimedBy);

        await app.Sink.StartAsync();
        Assert.Equal(default, await DispatchAsync(app)); // not due yet
        Assert.Empty(app.Sink.To(to.Email!));

        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var second = await DispatchAsync(app);

        Assert.Equal(1, second.Sent);
        var sent = await OutboxToAsync(app, to.Email!);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal("资格审查结果：BG2026-0101 通过", Assert.Single(app.Sink.To(to.Email!)).Subject);
    }
}

/// <summary>SMTP never comes back: after Mail:MaxAttempts attempts the e-mail is marked failed.</summary>
public class SmtpFailureTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    [Fact]
    public async Task After_the_maximum_attempts_an_email_is_failed_with_backoff_of_1_2_4_minutes_up_to_an_hour()
    {
        var to = Recipient();
        await NotifyAsync(app, DefaultTemplates.QualificationPassed, [to], Passed("BG2026-0202"));
        int[] expectedMinutes = [1, 2, 4, 8, 16, 32, 60];

        for (var attempt = 1; attempt <= expectedMinutes.Length; attempt++)
        {
            Assert.Equal(new DispatchResult(0, 1, 0), await DispatchAsync(app));
            var row = await OutboxToAsync(app, to.Email!);
            Assert.Equal(OutboxStatus.Pending, row.Status);
            Assert.Equal(attempt, row.Attempts);
            Assert.Equal(app.Clock.GetUtcNow().AddMinutes(expectedMinutes[attempt - 1]), row.NextAttemptAt);
            app.Clock.Advance(row.NextAttemptAt - app.Clock.GetUtcNow());
        }

        Assert.Equal(new DispatchResult(0, 0, 1), await DispatchAsync(app));
        var failed = await OutboxToAsync(app, to.Email!);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(8, failed.Attempts);
        Assert.Contains("无法连接邮件服务器", failed.LastError);

        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(default, await DispatchAsync(app));
    }
}
