using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications;

/// <summary>
/// Sends a templated notification to people: an inbox item each and an e-mail in the outbox. Nothing is
/// saved here — the caller's SaveChanges commits the notification together with the change it reports.
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock)
{
    public async Task NotifyAsync(string templateKey, IEnumerable<AppUser> recipients,
        IReadOnlyDictionary<string, string> values, string? link = null, CancellationToken ct = default)
    {
        var template = await db.Set<MessageTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == templateKey, ct)
            ?? DefaultTemplates.Find(templateKey)
            ?? throw new InvalidOperationException($"通知模板 {templateKey} 不存在。");
        var now = clock.GetUtcNow();
        foreach (var user in recipients.DistinctBy(u => u.Id))
        {
            var all = new Dictionary<string, string>(values) { ["收件人"] = user.DisplayName };
            var subject = Render(template.Subject, all);
            var body = Render(template.Body, all);
            db.Set<InboxItem>().Add(new InboxItem { UserId = user.Id, Title = subject, Body = body, Link = link, CreatedAt = now });
            if (!string.IsNullOrWhiteSpace(user.Email))
            {
                db.Set<OutboxMessage>().Add(new OutboxMessage
                {
                    ToAddress = user.Email, ToName = user.DisplayName, Subject = subject, Body = body,
                    TemplateKey = templateKey, CreatedAt = now, NextAttemptAt = now,
                });
            }
        }
    }

    /// <summary>Replaces {{名称}} placeholders; unknown ones are left visible so the office notices them.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (k, v) in values) text = text.Replace("{{" + k + "}}", v, StringComparison.Ordinal);
        return text;
    }
}
