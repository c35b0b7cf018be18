using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Biaogan.Web.Infrastructure.Audit;

/// <summary>
/// Seals the audit rows of one SaveChanges into the chain. The head row is read with a row lock inside the
/// saving transaction (SELECT … FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the one
/// write lock), so concurrent savers on any node take their turn and each sees the previous one's head.
/// When the caller has no transaction, one is begun here and ended by <see cref="AuditInterceptor"/> after the save.
/// </summary>
internal sealed class AuditChainAppender
{
    private IDbContextTransaction? _own;

    public void Append(DbContext db)
    {
        var pending = Pending(db);
        if (pending.Count == 0) return;
        if (db.Database.CurrentTransaction is null) _own = db.Database.BeginTransaction();
        Seal(db, pending, Lock(db).Single());
    }

    public async Task AppendAsync(DbContext db, CancellationToken ct)
    {
        var pending = Pending(db);
        if (pending.Count == 0) return;
        if (db.Database.CurrentTransaction is null) _own = await db.Database.BeginTransactionAsync(ct);
        Seal(db, pending, await Lock(db).SingleAsync(ct));
    }

    /// <summary>After the rows were written: commit our own transaction, forget the head so the next save reads it again.</summary>
    public async Task CompleteAsync(DbContext db, bool succeeded)
    {
        Forget(db);
        if (_own is null) return;
        var own = _own;
        _own = null;
        try
        {
            if (succeeded) await own.CommitAsync();
            else await own.RollbackAsync();
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    public void Complete(DbContext db, bool succeeded)
    {
        Forget(db);
        if (_own is null) return;
        var own = _own;
        _own = null;
        try
        {
            if (succeeded) own.Commit();
            else own.Rollback();
        }
        finally
        {
            own.Dispose();
        }
    }

    private static List<AuditEntry> Pending(DbContext db) =>
        db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

    private static IQueryable<AuditChainHead> Lock(DbContext db)
    {
        Forget(db);
        var sql = db.Database.IsNpgsql()
            ? $"SELECT * FROM \"AuditChainHeads\" WHERE \"Id\" = {AuditChainHead.TheId} FOR UPDATE"
            : $"SELECT * FROM \"AuditChainHeads\" WHERE \"Id\" = {AuditChainHead.TheId}";
        return db.Set<AuditChainHead>().FromSqlRaw(sql).AsTracking();
    }

    private static void Seal(DbContext db, List<AuditEntry> pending, AuditChainHead head)
    {
        var (sequence, hash) = (head.Sequence, head.Hash);
        foreach (var entry in pending) hash = entry.Seal(++sequence, hash);
        head.Sequence = sequence;
        head.Hash = hash;
        db.Entry(head).DetectChanges();
    }

    private static void Forget(DbContext db)
    {
        using (Scanning.WithoutDetecting(db))
            foreach (var e in db.ChangeTracker.Entries<AuditChainHead>().ToList()) e.State = EntityState.Detached;
    }
}
