using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.Applications;

public static class ApplicationEdits
{
    /// <summary>
    /// Saves an edit of the application guarded by the version its editor saw (a stale one throws
    /// DbUpdateConcurrencyException). The row is marked changed even when only its JSON parts changed
    /// (sections, measurements) or the clock has not moved, so that every edit moves the version.
    /// </summary>
    public static Task SaveEditAsync(this AppDbContext db, Application app, int? expectedVersion, CancellationToken ct = default)
    {
        if (expectedVersion is { } v) db.Entry(app).Property(a => a.Version).OriginalValue = v;
        db.Entry(app).Property(a => a.UpdatedAt).IsModified = true;
        return db.SaveChangesAsync(ct);
    }
}
