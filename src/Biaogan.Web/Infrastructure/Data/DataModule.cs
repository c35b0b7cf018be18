using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Input;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Data;

public static class DataModule
{
    public const string DefaultSqlite = "Data Source=App_Data/biaogan.db";

    /// <summary>
    /// Registers the DbContext for the configured provider: <c>Database:Provider</c> = Sqlite (default) or
    /// Postgres, connection string <c>ConnectionStrings:Biaogan</c>.
    /// </summary>
    public static void AddData(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        var cs = builder.Configuration.GetConnectionString("Biaogan");
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddScoped<ActionAudit>();
        builder.Services.AddScoped<AuditInterceptor>();
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("使用 PostgreSQL 时必须配置 ConnectionStrings:Biaogan。");
            builder.Services.AddDbContext<PgAppDbContext>((sp, o) =>
                o.UseNpgsql(cs).UseCompiledModel(postgres: true).AddInterceptors(TextColumnInterceptor.Instance, sp.GetRequiredService<AuditInterceptor>()));
            builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PgAppDbContext>());
        }
        else
        {
            cs ??= DefaultSqlite;
            EnsureSqliteFolder(cs);
            builder.Services.AddDbContext<SqliteAppDbContext>((sp, o) =>
                o.UseSqlite(cs).UseCompiledModel(postgres: false).AddInterceptors(TextColumnInterceptor.Instance, sp.GetRequiredService<AuditInterceptor>()));
            builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }
    }

    /// <summary>
    /// The provider's compiled model (CompiledModels/Sqlite, /Postgres; docs/decisions/0053) instead of building the model
    /// from the configuration classes at every start. CompiledModelTests fails when it is out of date; regenerate it with
    /// <c>bash scripts/regenerate-compiled-models.sh</c>. Only the ModelGen build that regenerates it goes without.
    /// </summary>
    private static DbContextOptionsBuilder UseCompiledModel(this DbContextOptionsBuilder o, bool postgres)
    {
#if !NO_COMPILED_MODELS
        o.UseModel(postgres ? CompiledModels.Postgres.PgAppDbContextModel.Instance : CompiledModels.Sqlite.SqliteAppDbContextModel.Instance);
#endif
        return o;
    }

    private static void EnsureSqliteFolder(string cs)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }

    /// <summary>Applies migrations (creating the database if needed) and switches SQLite to WAL.</summary>
    public static async Task MigrateAsync(this AppDbContext db)
    {
        await db.Database.MigrateAsync();
        await db.PrepareAsync();
    }

    /// <summary>What every start of a migrated database makes sure of: the audit guard and, on SQLite, WAL.</summary>
    public static async Task PrepareAsync(this AppDbContext db)
    {
        await AuditGuard.InstallAsync(db);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
