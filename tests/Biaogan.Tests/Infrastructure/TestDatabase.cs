using Npgsql;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on: BIAOGAN_TEST_DB=sqlite (default) or postgres. The same tests run
/// on both; each fixture gets a database of its own and drops it afterwards.
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("BIAOGAN_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string Provider => IsPostgres ? "Postgres" : "Sqlite";

    private static string PgServer =>
        Environment.GetEnvironmentVariable("BIAOGAN_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    /// <summary>A fresh connection string; the database is created by the app's migration on start.</summary>
    public static string NewConnectionString(string folder)
    {
        if (!IsPostgres) return $"Data Source={Path.Combine(folder, "test.db")}";
        var name = "biaogan_t_" + Guid.NewGuid().ToString("N")[..16];
        return new NpgsqlConnectionStringBuilder(PgServer) { Database = name, Pooling = false }.ConnectionString;
    }

    public static void Drop(string connectionString)
    {
        if (!IsPostgres) return;
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var name = b.Database;
        b.Database = "postgres";
        using var conn = new NpgsqlConnection(b.ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }
}
