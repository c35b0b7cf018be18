using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Audit;

/// <summary>What an attacker with SQL access does to the audit table, on either provider.</summary>
public static class AuditChainKit
{
    /// <summary>Adds <paramref name="count"/> audit rows through the application's own save path, one save each.</summary>
    public static async Task AppendAsync(AppFactory app, int count, string action = "测试记录")
    {
        for (var i = 0; i < count; i++)
        {
            await app.WithDbAsync(async db =>
            {
                db.Set<AuditEntry>().Add(new AuditEntry
                {
                    At = app.Clock.GetUtcNow(), ActorName = "测试", EntityType = "Test", EntityId = i.ToString(),
                    SubjectType = "Test", SubjectId = i.ToString(), Action = $"{action}{i}", After = $$"""{"n":{{i}}}""",
                });
                await db.SaveChangesAsync();
            });
        }
    }

    /// <summary>An owner of the tables can drop or disable the guard triggers; the chain must still show what was done.</summary>
    public static Task DisableGuardAsync(AppFactory app) => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres
        ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_append_only"
        : "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;"));

    public static Task<int> SqlAsync(AppFactory app, string sql) => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    public static Task<AuditEntry> RowAsync(AppFactory app, long sequence) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.Sequence == sequence));

    public static Task<long> LastSequenceAsync(AppFactory app) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().MaxAsync(a => a.Sequence));

    /// <summary>A context on the same database without the audit interceptor: rows go in exactly as built.</summary>
    public static AppDbContext RawContext(AppFactory app) => TestDatabase.IsPostgres
        ? new PgAppDbContext(new DbContextOptionsBuilder<PgAppDbContext>().UseNpgsql(app.ConnectionString).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(app.ConnectionString).Options);
}
