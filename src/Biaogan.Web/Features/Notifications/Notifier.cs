using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications;

/// <summary>
/// Sends a templated notification to people: an inbox item each and an e-mail in the outbox. Nothing is
/// saved here — the caller's SaveChanges commits the notification together with the change it reports,
/// and <see cref="OutboxSender"/> delivers the e-mail afterwards, so no request waits for SMTP.
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock, PublicLinks links)
{
    /// <param name="templateKey">One of the <see cref="DefaultTemplates"/> keys.</param>
    /// <param name="recipients">Users to notify; duplicates are notified once. Users without e-mail get the inbox item only.</param>
    /// <param name="values">Placeholder values (without 收件人, which is each recipient's name).</param>
    /// <param name="attachment">A small file attached to every e-mail (the inbox item says nothing of it).</param>
    /// <param name="link">Local link of the thing the message is about, shown as “查看详情” in the inbox. When
    /// <paramref name="values"/> has no 链接, the e-mail's {{链接}} becomes this link made absolute (<see cref="PublicLinks"/>).</param>
    public async Task NotifyAsync(string templateKey, IEnumerable<AppUser> recipients,
        IReadOnlyDictionary<string, string> values, string? link = null, CancellationToken ct = default, MailAttachment? attachment = null)
    {
        var template = await db.Set<MessageTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == templateKey, ct)
            ?? DefaultTemplates.Find(templateKey)
            ?? throw new InvalidOperationException($"通知模板 {templateKey} 不存在。");
        var now = clock.GetUtcNow();
        foreach (var user in recipients.DistinctBy(u => u.Id))
        {
            var all = new Dictionary<string, string>(values) { ["收件人"] = user.DisplayName };
            if (link is not null) all.TryAdd("链接", Absolute(link));
            var subject = Subject(TemplateText.Render(template.Subject, all));
            var body = TemplateText.Render(template.Body, all);
            db.Set<InboxItem>().Add(new InboxItem { UserId = user.Id, Title = subject, Body = body, Link = link, CreatedAt = now });
            if (!string.IsNullOrWhiteSpace(user.Email))
            {
                db.Set<OutboxMessage>().Add(new OutboxMessage
                {
                    ToAddress = user.Email, ToName = TextLimit.Truncate(user.DisplayName, 100), Subject = subject, Body = body,
                    TemplateKey = templateKey, CreatedAt = now, NextAttemptAt = now,
                    AttachmentName = attachment?.FileName, AttachmentContentType = attachment?.ContentType, AttachmentContent = attachment?.Content,
                });
            }
        }
    }

    /// <summary>
    /// An e-mail to a person who is not a user of the system (who lodged an objection or a complaint): the office's
    /// current text of the template, no inbox item. Not saved here either.
    /// </summary>
    public async Task MailAsync(string templateKey, string address, string name, IReadOnlyDictionary<string, string> values, CancellationToken ct = default)
    {
        var template = await db.Set<MessageTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == templateKey, ct)
            ?? DefaultTemplates.Find(templateKey)
            ?? throw new InvalidOperationException($"通知模板 {templateKey} 不存在。");
        var all = new Dictionary<string, string>(values) { ["收件人"] = name };
        var now = clock.GetUtcNow();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            ToAddress = address, ToName = TextLimit.Truncate(name, 100), Subject = Subject(TemplateText.Render(template.Subject, all)),
            Body = TemplateText.Render(template.Body, all), TemplateKey = templateKey, CreatedAt = now, NextAttemptAt = now,
        });
    }

    /// <summary>Replaces {{名称}} placeholders; unknown ones are left visible so the office notices them.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values) => TemplateText.Render(text, values);

    /// <summary>E-mail is read outside the site, so a local path gets the site's address (App:PublicBaseUrl) in front.</summary>
    private string Absolute(string link) => link.StartsWith('/') ? links.Absolute(link) : link;

    /// <summary>A subject is one line and fits its column, whatever the filled values were.</summary>
    private static string Subject(string rendered) =>
        TextLimit.Truncate(rendered.ReplaceLineEndings(" ").Trim(), MessageTemplate.MaxSubjectLength);
}
