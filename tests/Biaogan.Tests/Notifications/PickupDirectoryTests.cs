using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Biaogan.Tests.Notifications.OutboxSteps;

namespace Biaogan.Tests.Notifications;

/// <summary>Without Mail:Host every e-mail is written as an .eml file, so development needs no SMTP server.</summary>
public class PickupDirectoryTests(NotificationsAppFactory app) : IClassFixture<NotificationsAppFactory>
{
    [Fact]
    public async Task Without_an_smtp_host_each_email_is_written_as_an_eml_file_and_marked_sent()
    {
        var to = Recipient("王建国");
        await NotifyAsync(app, DefaultTemplates.QualificationPassed, [to], Passed("BG2026-0303"));

        var result = await DispatchAsync(app);

        Assert.True(result.Sent >= 1);
        var row = await OutboxToAsync(app, to.Email!);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        var files = Directory.GetFiles(Path.Combine(app.Folder, "mail"), "*.eml");
        var file = Assert.Single(files, f => f.Contains(row.Id.ToString("N")));
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal("资格审查结果：BG2026-0303 通过", mail.Subject);
        Assert.StartsWith("王建国，您好：", mail.TextBody);
        Assert.Equal(to.Email, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Empty(Directory.GetFiles(Path.Combine(app.Folder, "mail"), "*.tmp"));
    }

    [Fact]
    public async Task The_local_link_of_a_notification_becomes_an_absolute_link_in_the_email()
    {
        var to = Recipient("王建国");
        await NotifyAsync(app, DefaultTemplates.QualificationPassed, [to], new() { ["申报编号"] = "BG2026-0304" }, link: "/Applications/0304");

        await DispatchAsync(app);

        var row = await OutboxToAsync(app, to.Email!);
        Assert.Contains(NotificationsAppFactory.PublicBaseUrl + "/Applications/0304", row.Body);
        var item = await app.WithDbAsync(db => db.Set<InboxItem>().SingleAsync(i => i.UserId == to.Id));
        Assert.Equal("/Applications/0304", item.Link);
    }
}
