using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Notifications;
using MimeKit;
using static Biaogan.Tests.Notifications.OutboxSteps;

namespace Biaogan.Tests.Notifications;

/// <summary>E-mail through a real SMTP server on 127.0.0.1.</summary>
public class SmtpDeliveryTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    [Fact]
    public async Task A_Chinese_subject_and_body_arrive_intact_from_the_office()
    {
        await app.Sink.StartAsync();
        var to = Recipient("欧阳晓梅");
        await NotifyAsync(app, DefaultTemplates.QualificationPassed, [to], Passed("BG2026-0007"));

        var result = await DispatchAsync(app);

        Assert.True(result.Sent >= 1);
        var mail = Assert.Single(app.Sink.To(to.Email!));
        Assert.Equal("资格审查结果：BG2026-0007 通过", mail.Subject);
        Assert.StartsWith("欧阳晓梅，您好：", mail.TextBody);
        Assert.Contains("已通过资格审查，将进入资料评审阶段（第十七条）", mail.TextBody);
        Assert.Contains("全国用户满意标杆活动办公室", mail.TextBody);
        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal("全国用户满意标杆活动办公室", from.Name);
        Assert.Equal("欧阳晓梅", Assert.Single(mail.To.Mailboxes).Name);
        var text = Assert.IsType<TextPart>(mail.Body);
        Assert.True(text.IsPlain);
        Assert.Equal("utf-8", text.ContentType.Charset?.ToLowerInvariant());

        var row = await OutboxToAsync(app, to.Email!);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(app.Clock.GetUtcNow(), row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.ClaimedBy);
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_never_send_a_message_twice()
    {
        await app.Sink.StartAsync();
        var recipients = Enumerable.Range(1, 45).Select(i => Recipient($"并发{i}")).ToList();
        for (var i = 0; i < recipients.Count; i++)
            await NotifyAsync(app, DefaultTemplates.QualificationPassed, [recipients[i]], Passed($"BG2026-C{i:D3}"));

        var results = await Task.WhenAll(
            Task.Run(() => DispatchAsync(app)),
            Task.Run(() => DispatchAsync(app)),
            Task.Run(() => DispatchAsync(app)));

        foreach (var r in recipients) Assert.Single(app.Sink.To(r.Email!));
        Assert.True(results.Sum(r => r.Sent) >= recipients.Count);
        foreach (var r in recipients)
        {
            var row = await OutboxToAsync(app, r.Email!);
            Assert.Equal(OutboxStatus.Sent, row.Status);
            Assert.Equal(1, row.Attempts);
        }
        Assert.Equal(default, await DispatchAsync(app));
    }
}
