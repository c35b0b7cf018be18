using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Data;

/// <summary>
/// 受理编号 of the public forms (“YY-2026-0001” for objections, “TS-2026-0001” for complaints): the next number of a
/// prefix, and a save that takes the next one when another submission won the race for it (the unique index refuses
/// the second).
/// </summary>
public static class ReceiptNumbers
{
    /// <summary>Prefix + (largest sequence under it + 1), with at least <paramref name="digits"/> digits.</summary>
    public static async Task<string> NextAsync(IQueryable<string> numbers, string prefix, int digits, CancellationToken ct)
    {
        var taken = await numbers.Where(n => n.StartsWith(prefix)).ToListAsync(ct);
        var max = taken.Select(n => int.TryParse(n[prefix.Length..], out var i) ? i : 0).DefaultIfEmpty(0).Max();
        return prefix + (max + 1).ToString(new string('0', digits));
    }

    /// <summary>
    /// Runs <paramref name="beforeSave"/> (which may queue messages that quote the number) and saves; when the save is
    /// refused, what <paramref name="beforeSave"/> added is dropped, <paramref name="renumber"/> takes fresh numbers and
    /// it tries again (three times at most).
    /// </summary>
    public static async Task SaveTakingNextNumberAsync(AppDbContext db, Func<Task> beforeSave, Func<Task> renumber, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var before = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
            await beforeSave();
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                foreach (var e in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !before.Contains(e.Entity)).ToList())
                    e.State = EntityState.Detached;
                await renumber();
            }
        }
    }
}
