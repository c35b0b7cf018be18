using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Audit;

/// <summary>
/// Reading the change tracker without scanning every tracked entity again. <c>ChangeTracker.Entries()</c> runs
/// <c>DetectChanges</c> over all tracked entities each time it is called; a save that reads the entries several times
/// (the audit capture, the chain's pending rows, the chain head) scanned everything several times over, which made a
/// long-lived context (the demo seeder, a bulk action) slower with every row it had saved. The audit detects once, then
/// reads with detection off.
/// </summary>
internal static class Scanning
{
    public static Restore WithoutDetecting(DbContext db)
    {
        var tracker = db.ChangeTracker;
        var was = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        return new Restore(tracker, was);
    }

    public readonly struct Restore(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker, bool was) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = was;
    }
}
