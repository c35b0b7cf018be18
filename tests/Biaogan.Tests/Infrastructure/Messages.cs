using System.Text.RegularExpressions;
using Biaogan.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>What people were told: their inbox and the e-mails waiting in the outbox, with the links in them.</summary>
public static partial class Messages
{
    /// <summary>Inbox titles of one person, oldest first.</summary>
    public static Task<List<string>> InboxAsync(AppFactory app, Persona who) =>
        app.WithDbAsync(db => db.Set<InboxItem>().AsNoTracking()
            .Where(i => i.UserId == who.UserId).OrderBy(i => i.CreatedAt).Select(i => i.Title).ToListAsync());

    /// <summary>The latest outbox e-mail of a template sent to an address (fails the test if there is none).</summary>
    public static async Task<OutboxMessage> LatestMailAsync(AppFactory app, string to, string templateKey)
    {
        var mail = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ToAddress == to && m.TemplateKey == templateKey).ToListAsync());
        Assert.True(mail.Count > 0, $"没有发给 {to} 的 {templateKey} 邮件");
        return mail.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Last();
    }

    /// <summary>The first absolute link in an e-mail body.</summary>
    public static string LinkIn(OutboxMessage mail)
    {
        var m = LinkPattern().Match(mail.Body);
        Assert.True(m.Success, "邮件中没有链接：" + mail.Body);
        return m.Value;
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();
}
