using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// The office's decisions on the queue. A confirmed conflict ends the pair's active seats (with the reason, through every
/// <see cref="ISeatRemoval"/> hook: review seats, confirmation-group seats); files and score sheets then close by themselves, because the reviewer gate
/// (Assignment.ReviewerGate) asks for an active, declared seat and no blocking case. The decisions save (0021).
/// </summary>
public sealed class ConflictDecisions(AppDbContext db, IEnumerable<ISeatRemoval> seats, TimeProvider clock)
{
    public async Task<ConflictCase> FindAsync(Guid caseId, int? version, CancellationToken ct)
    {
        var c = await db.Set<ConflictCase>().FirstOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw new DomainRuleException("该利益冲突记录不存在，请刷新页面。");
        if (version is { } v) db.Entry(c).Property(x => x.Version).OriginalValue = v;
        return c;
    }

    /// <summary>确认 — the pair is removed everywhere: every active seat of the reviewer on the application ends.</summary>
    public async Task<int> ConfirmAsync(ConflictCase c, string by, string? reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        c.Confirm(by, reason, now);
        var why = $"利益冲突已确认（{c.Source.Display()}）{(string.IsNullOrWhiteSpace(reason) ? "" : "：" + reason.Trim())}";
        var ended = 0;
        foreach (var hook in seats) ended += await hook.EndSeatsAsync(c.ReviewerId, c.ApplicationId, why, now, ct);
        await db.SaveChangesAsync(ct);
        return ended;
    }

    /// <summary>排除 — a false positive, with the reason the audit trail keeps.</summary>
    public async Task DismissAsync(ConflictCase c, string by, string reason, CancellationToken ct)
    {
        Dismiss(c, by, reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>排除 without saving: ConflictsApi saves itself until its rewrite calls <see cref="DismissAsync"/>.</summary>
    public void Dismiss(ConflictCase c, string by, string reason) => c.Dismiss(by, reason, clock.GetUtcNow());
}
