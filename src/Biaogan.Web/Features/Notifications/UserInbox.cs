using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications;

/// <summary>
/// 站内信 of one person, for the inbox pages and the API. Every method takes the caller's user id and
/// only ever touches that user's items: another person's item is simply not found.
/// </summary>
public sealed class UserInbox(AppDbContext db, TimeProvider clock)
{
    private IQueryable<InboxItem> Of(string userId) => db.Set<InboxItem>().Where(i => i.UserId == userId);

    /// <summary>Newest first.</summary>
    public Task<List<InboxItem>> ListAsync(string userId, int skip, int take, CancellationToken ct = default) =>
        Of(userId).AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(skip).Take(take).ToListAsync(ct);

    public Task<int> CountAsync(string userId, CancellationToken ct = default) => Of(userId).CountAsync(ct);

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        Of(userId).CountAsync(i => i.ReadAt == null, ct);

    /// <summary>Opens one's own item and marks it read; null when it does not exist or is someone else's.</summary>
    public async Task<InboxItem?> OpenAsync(string userId, Guid id, CancellationToken ct = default)
    {
        var item = await Of(userId).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || item.IsRead) return item;
        item.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>全部标为已读 — one bulk update; returns how many were unread.</summary>
    public Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return Of(userId).Where(i => i.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.ReadAt, now), ct);
    }
}
