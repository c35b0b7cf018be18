using Biaogan.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>The app for outcome-notice tests: every absolute link must start with this configured public address.</summary>
public class OutcomeNoticesAppFactory : AppFactory
{
    public const string PublicBaseUrl = "https://biaogan.example.cn";

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("App:PublicBaseUrl", PublicBaseUrl)];
}

/// <summary>Reads what the outcome notices left in the outbox and the inboxes.</summary>
public static class OutcomeNoticesKit
{
    public static Task<List<OutboxMessage>> MailsAsync(AppFactory app, string templateKey, string? to = null) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.TemplateKey == templateKey && (to == null || m.ToAddress == to)).OrderBy(m => m.CreatedAt).ToListAsync());

    public static Task<List<InboxItem>> InboxAsync(AppFactory app, string userId, string titlePart) =>
        app.WithDbAsync(db => db.Set<InboxItem>().AsNoTracking().Where(i => i.UserId == userId && i.Title.Contains(titlePart)).ToListAsync());

    /// <summary>The one mail of the template to the address, whose body carries the absolute link.</summary>
    public static async Task<OutboxMessage> SingleMailAsync(AppFactory app, string templateKey, string to, string absoluteLink)
    {
        var mails = await MailsAsync(app, templateKey, to);
        var mail = Assert.Single(mails);
        Assert.Contains(OutcomeNoticesAppFactory.PublicBaseUrl + absoluteLink, mail.Body);
        Assert.DoesNotContain("{{", mail.Subject + mail.Body);
        return mail;
    }
}
