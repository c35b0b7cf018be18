using System.Security.Cryptography;
using System.Text;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on: BIAOGAN_TEST_DB=sqlite (default) or postgres. The same tests run
/// on both; each fixture gets a database of its own and drops it afterwards.
/// </summary>
/// <remarks>
/// Every fixture's database starts as a copy of a template that already has the schema and the seeders' rows
/// (<see cref="TemplateSeeding"/>): the template is built once per schema and build (its name carries a hash of the
/// schema's create script and of the web assembly's identity), and each fixture's database is a file copy (SQLite) or
/// <c>CREATE DATABASE … TEMPLATE</c> (PostgreSQL). The app still runs its migration step and every seeder at start,
/// exactly as in production; on an up-to-date, seeded database they only read.
/// </remarks>
public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("BIAOGAN_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string Provider => IsPostgres ? "Postgres" : "Sqlite";

    private static string PgServer =>
        Environment.GetEnvironmentVariable("BIAOGAN_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    private static readonly Lazy<string> Template = new(() => IsPostgres ? CreatePgTemplate() : CreateSqliteTemplate());

    /// <summary>A fresh database with the current schema, and its connection string.</summary>
    public static string NewConnectionString(string folder)
    {
        if (!IsPostgres)
        {
            var path = Path.Combine(folder, "test.db");
            File.Copy(Template.Value, path);
            return $"Data Source={path}";
        }
        var name = "biaogan_t_" + Guid.NewGuid().ToString("N")[..16];
        Execute(Admin(), $"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"{CopyStrategy.Value}");
        return new NpgsqlConnectionStringBuilder(PgServer) { Database = name }.ConnectionString;
    }

    /// <summary>A database without any schema (for tests of starting on an unmigrated database); dropped like the others.</summary>
    public static string NewEmptyConnectionString(string folder)
    {
        if (!IsPostgres) return $"Data Source={Path.Combine(folder, "empty.db")}";
        var name = "biaogan_t_" + Guid.NewGuid().ToString("N")[..16];
        Execute(Admin(), $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(PgServer) { Database = name }.ConnectionString;
    }

    public static void Drop(string connectionString)
    {
        if (!IsPostgres) { SqliteConnection.ClearAllPools(); return; }
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        using (var own = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(own);
        Execute(Admin(), $"DROP DATABASE IF EXISTS \"{b.Database}\" WITH (FORCE)");
    }

    /// <summary>
    /// PostgreSQL 15+ copies a template block by block through the WAL by default; the throwaway test cluster runs with
    /// fsync off, so copying the files is cheaper (~50 → ~15 ms of server CPU per database, about 160 per pass).
    /// </summary>
    private static readonly Lazy<string> CopyStrategy = new(() =>
    {
        using var conn = new NpgsqlConnection(Admin());
        conn.Open();
        using var cmd = new NpgsqlCommand("SHOW server_version_num", conn);
        return int.Parse((string)cmd.ExecuteScalar()!) >= 150000 ? " STRATEGY FILE_COPY" : "";
    });

    private static string Admin() => new NpgsqlConnectionStringBuilder(PgServer) { Database = "postgres", Pooling = false }.ConnectionString;

    private static void Execute(string connectionString, string sql)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Hash of the schema the migrations build and of the build, so a changed schema or seeder never reuses an old template.</summary>
    private static string SchemaHash(DbContext db)
    {
        var script = string.Join("\n", db.Database.GetMigrations()) + "\n" + db.Database.GenerateCreateScript() + "\n" + TemplateSeeding.BuildIdentity;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)))[..16];
    }

    private static string CreateSqliteTemplate()
    {
        var dir = Path.Combine(Path.GetTempPath(), "biaogan-test-templates");
        Directory.CreateDirectory(dir);
        var building = Path.Combine(dir, $"building-{Guid.NewGuid():N}.db");
        string path;
        using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={building};Pooling=False").Options))
            path = Path.Combine(dir, $"schema-{SchemaHash(db)}.db");
        if (File.Exists(path))
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow); // in use: not “old” for RemoveOldFiles
            return path;
        }
        RemoveOldFiles(dir, path);
        TemplateSeeding.Run($"Data Source={building}");
        SqliteConnection.ClearAllPools();
        using (var conn = new SqliteConnection($"Data Source={building};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            // One file, no -wal beside it: the app switches each copy to WAL itself when it migrates.
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
            cmd.ExecuteNonQuery();
        }
        try { File.Move(building, path); }
        catch (IOException) when (File.Exists(path)) { File.Delete(building); } // another test process made it first
        return path;
    }

    /// <summary>Templates no run has taken into use for a day (earlier builds on a developer's machine).</summary>
    private static void RemoveOldFiles(string dir, string current)
    {
        foreach (var file in Directory.GetFiles(dir, "*.db"))
        {
            if (file == current || File.GetLastWriteTimeUtc(file) > DateTime.UtcNow.AddDays(-1)) continue;
            try { File.Delete(file); } catch (IOException) { }
        }
    }

    private static string CreatePgTemplate()
    {
        var b = new NpgsqlConnectionStringBuilder(PgServer) { Database = "biaogan_tpl_building_" + Guid.NewGuid().ToString("N")[..12], Pooling = false };
        string name;
        using (var db = new PgAppDbContext(new DbContextOptionsBuilder<PgAppDbContext>().UseNpgsql(b.ConnectionString).Options))
            name = "biaogan_tpl_" + SchemaHash(db);
        using var admin = new NpgsqlConnection(Admin());
        admin.Open();
        // Test processes that start together (the two test assemblies, several worktrees) build each template once.
        using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock(4242001)", admin)) lockCmd.ExecuteNonQuery();
        try
        {
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
            exists.Parameters.AddWithValue("n", name);
            if (exists.ExecuteScalar() is null)
            {
                DropOldTemplates(admin);
                TemplateSeeding.Run(b.ConnectionString);
                NpgsqlConnection.ClearAllPools();
                Execute(Admin(), $"ALTER DATABASE \"{b.Database}\" RENAME TO \"{name}\"");
            }
            // When it was last taken into use, so that DropOldTemplates leaves it to the runs that use it.
            Execute(Admin(), $"COMMENT ON DATABASE \"{name}\" IS '{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}'");
            return name;
        }
        finally
        {
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(4242001)", admin);
            unlock.ExecuteNonQuery();
        }
    }

    /// <summary>Templates no run has taken into use for a day (earlier builds on a developer's machine).</summary>
    private static void DropOldTemplates(NpgsqlConnection admin)
    {
        var old = new List<string>();
        using (var list = new NpgsqlCommand(
            "SELECT datname, coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname LIKE 'biaogan\\_tpl\\_%'", admin))
        using (var reader = list.ExecuteReader())
        {
            var dayAgo = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds();
            while (reader.Read())
                if (long.TryParse(reader.GetString(1), out var made) && made > 0 && made < dayAgo) old.Add(reader.GetString(0));
        }
        foreach (var name in old) Execute(Admin(), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}
