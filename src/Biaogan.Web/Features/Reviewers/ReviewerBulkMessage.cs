using System.Text.Json;
using System.Text.Encodings.Web;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// 批量发送通知 to reviewers: a message (站内信 and e-mail, template <see cref="DefaultTemplates.OfficeReviewerMessage"/>)
/// from the office to the reviewers of a filtered pool. The preview names every person; the confirmation carries the
/// previewed profiles and exactly those are written to — a profile that starts to match in between is not added.
/// Profiles without an account (or with a disabled one) receive nothing and are counted apart. Audited as a bulk action.
/// </summary>
public sealed class ReviewerBulkMessage(AppDbContext db, TimeProvider clock, Notifier notifier, ActionAudit audit)
{
    public const int MaxReviewers = 5000;

    public sealed record Recipient(Guid ProfileId, string Name, string Email, string UserId);

    public sealed record Preview(IReadOnlyList<Recipient> Recipients, int WithoutAccount);

    public async Task<Preview> PreviewAsync(ReviewerFilter filter, CancellationToken ct = default) =>
        await RecipientsAsync(await filter.MatchAsync(db, clock.Today(), ct: ct), ct);

    /// <summary>Sends to the accounts of exactly <paramref name="profileIds"/>; returns how many people received it.</summary>
    public async Task<int> SendAsync(IReadOnlyCollection<Guid> profileIds, string subject, string body, string filterText, CancellationToken ct = default)
    {
        if (profileIds.Count == 0) throw new DomainRuleException("没有选中任何评审员，请先在评审员库中筛选并预览收件人。");
        if (profileIds.Count > MaxReviewers) throw new DomainRuleException($"一次最多通知 {MaxReviewers} 名评审员，请缩小筛选范围后分批发送。");
        var ids = profileIds.Distinct().ToList();
        var preview = await RecipientsAsync(await new ReviewerFilter().MatchAsync(db, clock.Today(), ids, ct), ct);
        var userIds = preview.Recipients.Select(r => r.UserId).ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToListAsync(ct);
        await notifier.NotifyAsync(DefaultTemplates.OfficeReviewerMessage, users, new Dictionary<string, string> { ["标题"] = subject, ["正文"] = body },
            "/Reviewers/Me", ct);
        await audit.RecordAsync(ActionAudit.BulkAction, "reviewers", $"向评审员批量发送通知“{subject}”（{preview.Recipients.Count} 人）",
            JsonSerializer.Serialize(new { 筛选条件 = filterText, 收件人 = preview.Recipients.Select(r => $"{r.Name} <{r.Email}>") }, Json), ct);
        return preview.Recipients.Count;
    }

    private async Task<Preview> RecipientsAsync(List<(ReviewerProfile Profile, EligibilityReport Eligibility)> matched, CancellationToken ct)
    {
        var userIds = matched.Select(m => m.Profile.UserId).OfType<string>().ToList();
        var active = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.LockoutEnd != AccountStatus.DisabledUntil)
            .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        var recipients = matched.Where(m => m.Profile.UserId is { } u && active.ContainsKey(u))
            .Select(m => new Recipient(m.Profile.Id, m.Profile.Name, active[m.Profile.UserId!].Email ?? m.Profile.Email, m.Profile.UserId!))
            .ToList();
        return new Preview(recipients, matched.Count - recipients.Count);
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
