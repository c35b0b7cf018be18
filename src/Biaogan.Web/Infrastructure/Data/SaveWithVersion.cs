using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Data;

/// <summary>
/// The optimistic-concurrency idiom in one place (docs/decisions/0028): check the version the form or request
/// carried, apply the change, save with that version as the original value, and report a lost race with the
/// Chinese "someone else changed this" message. The exception stays a <see cref="DbUpdateConcurrencyException"/>
/// so that a page shows the message as a form error (DomainRuleFilter) and the API answers 409 (ApiExceptionHandler).
/// </summary>
public static class SaveWithVersionExtensions
{
    /// <summary>Applies <paramref name="apply"/> to <paramref name="entity"/> if it still has <paramref name="postedVersion"/>, then saves.</summary>
    public static async Task SaveWithVersionAsync<T>(this AppDbContext db, T entity, int? postedVersion, Action<T> apply,
        CancellationToken ct) where T : Entity
    {
        if (postedVersion is { } v && entity.Version != v) throw Stale(null);
        apply(entity);
        await db.SaveWithVersionAsync(entity, postedVersion, ct);
    }

    /// <summary>Saves changes already applied to <paramref name="entity"/>, expecting it to still have <paramref name="postedVersion"/> in the database.</summary>
    public static async Task SaveWithVersionAsync<T>(this AppDbContext db, T entity, int? postedVersion, CancellationToken ct) where T : Entity
    {
        if (postedVersion is { } v) db.Entry(entity).Property(e => e.Version).OriginalValue = v;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw Stale(ex);
        }
    }

    private static DbUpdateConcurrencyException Stale(Exception? inner) => new(DomainRuleFilter.ConcurrencyMessage, inner);
}
