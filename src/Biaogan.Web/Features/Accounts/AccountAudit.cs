using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// Audit records for account events that are not entity changes (role granted, user disabled, 2FA
/// enabled, invitation sent). The entry is added before the Identity call whose SaveChanges commits it,
/// so the event and its record are saved together; <see cref="Discard"/> drops it if the call fails.
/// </summary>
public sealed class AccountAudit(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    public AuditEntry Record(AppUser subject, string action, string? before = null, string? after = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(), ActorId = actor.Id, ActorName = actor.Name, IpAddress = actor.IpAddress,
            EntityType = nameof(AppUser), EntityId = subject.Id, SubjectType = nameof(AppUser), SubjectId = subject.Id,
            Action = action, Before = before, After = after,
        };
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    public void Discard(AuditEntry entry)
    {
        if (db.Entry(entry).State == EntityState.Added) db.Entry(entry).State = EntityState.Detached;
    }
}
