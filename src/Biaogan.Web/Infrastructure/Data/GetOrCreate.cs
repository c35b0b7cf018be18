using System.Linq.Expressions;
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
            db.Entry(row).State = EntityState.Detached;
            return await db.Set<T>().FirstAsync(match, ct);
        }
    }
}
