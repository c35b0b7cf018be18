using System.Diagnostics;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Biaogan.Web.Infrastructure.Cli;

/// <summary>
/// The database half of backup and restore, per provider: SQLite through <c>VACUUM INTO</c> (a consistent copy
/// taken while the site keeps running), PostgreSQL through <c>pg_dump --format=custom</c> and <c>pg_restore</c>
/// (postgresql-client, of the server's major version or newer).
/// </summary>
public sealed class BackupDatabase(string provider, string connectionString)
{
    public bool IsPostgres { get; } = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public string ConnectionString => connectionString;
    public string FileName => IsPostgres ? "database.pgdump" : "database.sqlite";

    public static BackupDatabase FromConfiguration(IConfiguration config) =>
        new(config["Database:Provider"] ?? "Sqlite", config.GetConnectionString("Biaogan") ?? DataModule.DefaultSqlite);

    /// <summary>The same server, another database (PostgreSQL) or file (SQLite): where verify-backup restores to.</summary>
    public BackupDatabase Scratch(string folder) => IsPostgres
        ? new(provider, new NpgsqlConnectionStringBuilder(connectionString) { Database = "biaogan_verify_" + Guid.NewGuid().ToString("N")[..12], Pooling = false }.ConnectionString)
        : new(provider, $"Data Source={Path.Combine(folder, "scratch.db")};Pooling=False");

    /// <summary>A context without the audit interceptor: backup and verification only read.</summary>
    public AppDbContext OpenContext() => IsPostgres
        ? new PgAppDbContext(new DbContextOptionsBuilder<PgAppDbContext>().UseNpgsql(connectionString).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options);

    public async Task DumpAsync(string file, CancellationToken ct)
    {
        if (IsPostgres)
        {
            await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file], ct);
            return;
        }
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "VACUUM INTO $file";
        cmd.Parameters.AddWithValue("$file", file);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>True when the target already holds tables (a database in use, or one the application has migrated).</summary>
    public async Task<bool> HasTablesAsync(CancellationToken ct)
    {
        if (IsPostgres)
        {
            if (!await PgDatabaseExistsAsync(ct)) return false;
            await using var pg = new NpgsqlConnection(connectionString);
            await pg.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", pg);
            return (long)(await cmd.ExecuteScalarAsync(ct))! > 0;
        }
        var path = SqlitePath;
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return false;
        await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        await using var q = conn.CreateCommand();
        q.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return (long)(await q.ExecuteScalarAsync(ct))! > 0;
    }

    /// <summary>Replaces the database's contents with the dump. The caller has checked <see cref="HasTablesAsync"/>.</summary>
    public async Task RestoreAsync(string file, CancellationToken ct)
    {
        if (IsPostgres)
        {
            if (!await PgDatabaseExistsAsync(ct)) await PgAdminAsync($"CREATE DATABASE \"{PgName}\"", ct);
            await using (var pg = new NpgsqlConnection(connectionString))
            {
                await pg.OpenAsync(ct);
                await using var clear = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", pg);
                await clear.ExecuteNonQueryAsync(ct);
            }
            NpgsqlConnection.ClearAllPools();
            await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", PgName, file], ct);
            return;
        }
        // Page by page into the live file through SQLite's backup API, so a running node's connections (scheduled work,
        // the outbox) read the restored database at once. Swapping the file underneath them instead let one of them
        // recreate the -wal/-shm of the old file between the delete and the move, and the new file then read the old
        // WAL as its own: a restore that reported success showed the old rows (seen in CI).
        Directory.CreateDirectory(Path.GetDirectoryName(SqlitePath)!);
        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString))
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            await using (var wait = target.CreateCommand())
            {
                wait.CommandText = "PRAGMA busy_timeout = 30000";
                await wait.ExecuteNonQueryAsync(ct);
            }
            source.BackupDatabase(target);
        }
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Removes a scratch database made by <see cref="Scratch"/>.</summary>
    public async Task DropAsync(CancellationToken ct)
    {
        if (IsPostgres) await PgAdminAsync($"DROP DATABASE IF EXISTS \"{PgName}\" WITH (FORCE)", ct);
        else File.Delete(SqlitePath);
    }

    private string SqlitePath => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
    private string PgName => new NpgsqlConnectionStringBuilder(connectionString).Database
        ?? throw new ArgumentException("PostgreSQL 连接字符串中缺少 Database。");

    private async Task<bool> PgDatabaseExistsAsync(CancellationToken ct)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
        cmd.Parameters.AddWithValue("n", PgName);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    private async Task PgAdminAsync(string sql, CancellationToken ct)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, admin);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private string AdminConnectionString =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    /// <summary>Runs pg_dump / pg_restore with the connection passed through PG* variables, never on the command line.</summary>
    private async Task RunAsync(string tool, string[] args, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (tool == "pg_dump") start.ArgumentList.Add(PgName);
        start.Environment["PGHOST"] = b.Host ?? "localhost";
        start.Environment["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (b.Username is { } user) start.Environment["PGUSER"] = user;
        if (b.Password is { } password) start.Environment["PGPASSWORD"] = password;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new IOException($"无法启动 {tool}。");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new IOException($"找不到 {tool}。请安装 PostgreSQL 客户端（Debian: apt-get install postgresql-client），版本不低于数据库服务器。");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new IOException($"{tool} 失败（退出码 {process.ExitCode}）：{(await stderr).Trim()}");
        }
    }
}
