using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications;

/// <summary>
/// The record that an outcome notice went out (docs/decisions/0032). Its <see cref="Occasion"/> names the outcome and
/// what it concerns, e.g. “入围:{决定}:{申报}:入围”; the unique index makes a second sending of the same outcome impossible,
/// even when a list is reopened and finalised again with the same result.
/// </summary>
public sealed class SentNotice : Entity
{
    public const int MaxOccasionLength = 200;

    public string Occasion { get; private set; } = "";
    public string TemplateKey { get; private set; } = "";
    public int Recipients { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    private SentNotice() { }

    public SentNotice(string occasion, string templateKey, int recipients, DateTimeOffset now)
    {
        Occasion = occasion;
        TemplateKey = templateKey;
        Recipients = recipients;
        SentAt = now;
        RecordAction("发送结果通知");
    }
}

/// <summary>
/// Sends an outcome notice once per occasion through <see cref="Notifier"/>. A changed outcome is a new occasion (the
/// key carries the result), so an organisation taken off a list after a reopen is told; the same result is not sent twice.
/// Nothing is saved here: the caller's SaveChanges commits the notice with the outcome it reports.
/// </summary>
public sealed class NoticeLedger(AppDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <returns>False when this occasion was already notified (nothing is sent).</returns>
    public async Task<bool> NotifyOnceAsync(string occasion, string templateKey, IReadOnlyCollection<AppUser> recipients,
        IReadOnlyDictionary<string, string> values, string? link, CancellationToken ct, MailAttachment? attachment = null)
    {
        occasion = TextLimit.Truncate(occasion, SentNotice.MaxOccasionLength);
        if (await WasSentAsync(occasion, ct)) return false;
        db.Add(new SentNotice(occasion, templateKey, recipients.Count, clock.GetUtcNow()));
        await notifier.NotifyAsync(templateKey, recipients, values, link, ct, attachment);
        return true;
    }

    /// <summary>Sent before, or added earlier in this unit of work.</summary>
    public async Task<bool> WasSentAsync(string occasion, CancellationToken ct) =>
        db.ChangeTracker.Entries<SentNotice>().Any(e => e.Entity.Occasion == occasion)
        || await db.Set<SentNotice>().AnyAsync(n => n.Occasion == occasion, ct);
}
