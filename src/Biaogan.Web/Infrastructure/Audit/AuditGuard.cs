using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Audit;

/// <summary>
/// Database triggers that refuse UPDATE, DELETE and (PostgreSQL) TRUNCATE of audit rows from any SQL client,
/// not only through the application. They are installed after every migration, idempotently, rather than
/// written into the migration files, because the Initial migration is regenerated from the model until the
/// first release. Only the table's owner can drop or disable them, so in production the application should
/// connect as a role that does not own the tables (docs/operations.md “审计日志防篡改”).
/// </summary>
public static class AuditGuard
{
    public const string Refusal = "审计记录只能追加，不能修改或删除。";

    public static async Task InstallAsync(DbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($$"""
                CREATE OR REPLACE FUNCTION biaogan_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
                BEGIN
                    RAISE EXCEPTION '{{Refusal}}' USING ERRCODE = 'insufficient_privilege';
                END
                $f$;
                CREATE OR REPLACE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION biaogan_audit_append_only();
                CREATE OR REPLACE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION biaogan_audit_append_only();
                """, ct);
        }
        else if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync($"""
                CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                """, ct);
        }
    }
}
