using System.Linq.Expressions;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Data;

public static class GetOrCreateExtensions
{
    /// <summary>
    /// The row matching <paramref name="match"/>, or a new one from <paramref name="create"/>, saved at once. When two
    /// first requests race, the unique index behind <paramref name="match"/> keeps one row and the loser reads it.
    /// </summary>
    public static async Task<T> GetOrCreateAsync<T>(this AppDbContext db, Expression<Func<T, bool>> match, Func<T> create,
        CancellationToken ct) where T : class
    {
        if (await db.Set<T>().FirstOrDefaultAsync(match, ct) is { } existing) return existing;
        var row = create();
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateException)
        {
            // The loser forgets its row and the audit record written for it: left in the change tracker, that record
            // would be saved with the request's next change, telling of a row that never existed.
            db.ForgetUnsaved(row);
            if (await db.Set<T>().FirstOrDefaultAsync(match, ct) is { } winner) return winner;
            throw;
        }
    }

    /// <summary>
    /// Takes a row that lost its insert race out of the change tracker, with the audit record written for it (the
    /// audit interceptor adds that record before the save fails).
    /// </summary>
    public static void ForgetUnsaved<T>(this DbContext db, T row) where T : class
    {
        db.Entry(row).State = EntityState.Detached;
        if (row is not Entity entity) return;
        var id = entity.Id.ToString();
        foreach (var audit in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.EntityId == id).ToList())
            audit.State = EntityState.Detached;
    }
}
