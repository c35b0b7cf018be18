using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications;

/// <summary>
/// The office's actions on notifications: edit or restore a message template, and resend a failed e-mail. Each
/// saves (docs/decisions/0028); a template edit is checked against the version the form showed.
/// </summary>
public sealed class NotificationOffice(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    /// <summary>The edited template, or null when the key is unknown.</summary>
    public async Task<MessageTemplate?> EditTemplateAsync(string key, int postedVersion, string subject, string body, CancellationToken ct)
    {
        var template = await db.Set<MessageTemplate>().FirstOrDefaultAsync(t => t.Key == key, ct);
        if (template is null) return null;
        var editor = await EditorNameAsync(ct);
        await db.SaveWithVersionAsync(template, postedVersion, t => t.Edit(subject, body, editor, clock.GetUtcNow()), ct);
        return template;
    }

    /// <summary>恢复默认: the system's original subject and body back; null when the key is unknown.</summary>
    public async Task<MessageTemplate?> RestoreTemplateAsync(string key, int postedVersion, CancellationToken ct)
    {
        var template = await db.Set<MessageTemplate>().FirstOrDefaultAsync(t => t.Key == key, ct);
        if (template is null || DefaultTemplates.Find(key) is not { } original) return null;
        var editor = await EditorNameAsync(ct);
        await db.SaveWithVersionAsync(template, postedVersion, t => t.RestoreDefault(original, editor, clock.GetUtcNow()), ct);
        return template;
    }

    /// <summary>重新发送: a failed e-mail goes back into the queue with a fresh set of attempts; null when not found.</summary>
    public async Task<OutboxMessage?> RetryAsync(Guid id, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return null;
        message.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return message;
    }

    /// <summary>The editor's real name (姓名) for “最后修改”, whatever the sign-in claims carry.</summary>
    private async Task<string> EditorNameAsync(CancellationToken ct) =>
        await db.Users.Where(u => u.Id == actor.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } name
            ? name
            : actor.Name;
}
