using System.Diagnostics;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Biaogan.Bench.Audit;

/// <summary>
/// `--audit-chain [rows] [--postgres]`: verify-audit's walk over a chain of N rows against plain reads of the same rows
/// (COUNT, a sequential ADO.NET read of every column, an EF no-tracking read), and the write cost of the chain: one
/// audited SaveChanges through the interceptor (transaction, head locked, hashed) against the same row saved by a
/// context without it. Times alternate, three rounds each (bench/README.md).
/// </summary>
public static class AuditChainTiming
{
    public const string Switch = "--audit-chain";
    private const string PgServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var i = Array.IndexOf(args, Switch);
        var rows = i + 1 < args.Length && int.TryParse(args[i + 1], out var n) ? n : 1_000_000;
        var pg = args.Contains("--postgres");
        var folder = Directory.CreateTempSubdirectory("biaogan-bench-audit-").FullName;
        var cs = pg
            ? new NpgsqlConnectionStringBuilder(PgServer) { Database = "biaogan_bench_" + Guid.NewGuid().ToString("N")[..10] }.ConnectionString
            : $"Data Source={Path.Combine(folder, "audit.db")}";
        Console.WriteLine($"provider {(pg ? "PostgreSQL" : "SQLite")}, rows {rows:N0}, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        try
        {
            await using (var db = Context(pg, cs, chained: false)) await db.MigrateAsync();
            var fill = Stopwatch.StartNew();
            await FillAsync(pg, cs, rows);
            Console.WriteLine($"filled in {fill.Elapsed.TotalSeconds:F1} s");

            for (var round = 1; round <= 3; round++)
            {
                await Time("COUNT(*)", pg, cs, async db => await db.Set<AuditEntry>().LongCountAsync());
                await Time("ADO sequential read, all columns", pg, cs, db => ReadAllAsync(db));
                await Time("EF no-tracking read of every row", pg, cs, async db =>
                {
                    long c = 0;
                    await foreach (var _ in db.Set<AuditEntry>().AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable()) c++;
                    return c;
                });
                await Time("verify-audit (AuditChainVerifier)", pg, cs, async db =>
                {
                    var report = await AuditChainVerifier.VerifyAsync(db);
                    if (!report.Intact) throw new InvalidOperationException(report.Problem);
                    return report.Rows;
                });
            }

            const int saves = 300;
            for (var round = 1; round <= 3; round++)
            {
                await TimeWrites("save without chain (baseline)", pg, cs, saves, chained: false, round);
                await TimeWrites("save with chain (interceptor)", pg, cs, saves, chained: true, round);
            }
        }
        finally
        {
            if (pg)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Database = "postgres" }.ConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(cs).Database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static AppDbContext Context(bool pg, string cs, bool chained)
    {
        var interceptor = new AuditInterceptor(new CurrentActor(new HttpContextAccessor()), TimeProvider.System);
        if (pg)
        {
            var o = new DbContextOptionsBuilder<PgAppDbContext>().UseNpgsql(cs);
            if (chained) o.AddInterceptors(interceptor);
            return new PgAppDbContext(o.Options);
        }
        var s = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(cs);
        if (chained) s.AddInterceptors(interceptor);
        return new SqliteAppDbContext(s.Options);
    }

    private static AuditEntry Row(long n, DateTimeOffset at) => new()
    {
        At = at, ActorId = "6b1f0c2e-0000-4000-8000-" + (n % 1000).ToString("D12"), ActorName = "秘书处工作人员" + n % 50,
        EntityType = "ApplicationForm", EntityId = Guid.CreateVersion7().ToString(), SubjectType = "ApplicationForm",
        SubjectId = Guid.CreateVersion7().ToString(), Action = n % 3 == 0 ? "提交申报" : "修改",
        Before = n % 3 == 0 ? null : $$"""{"Status":"Draft","Quota":{{n % 20}}}""",
        After = $$"""{"Status":"Submitted","Quota":{{n % 20 + 1}},"Title":"自我评价报告第{{n % 9}}节"}""", IpAddress = "10.0.0." + n % 250,
    };

    /// <summary>Writes a valid chain of <paramref name="rows"/> rows with the provider's bulk path, then the head row.</summary>
    private static async Task FillAsync(bool pg, string cs, int rows)
    {
        var start = AuditChain.Normalise(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var hash = AuditChain.Genesis;
        IEnumerable<AuditEntry> Chain()
        {
            for (long n = 1; n <= rows; n++)
            {
                var e = Row(n, start.AddSeconds(n));
                hash = e.Seal(n, hash);
                yield return e;
            }
        }
        const string columns = "\"Sequence\",\"At\",\"ActorId\",\"ActorName\",\"EntityType\",\"EntityId\",\"SubjectType\",\"SubjectId\",\"Action\",\"Before\",\"After\",\"IpAddress\",\"PreviousHash\",\"Hash\"";
        if (pg)
        {
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using (var copy = await conn.BeginBinaryImportAsync($"COPY \"AuditEntries\" ({columns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var e in Chain())
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(e.Sequence);
                    await copy.WriteAsync(e.At, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    foreach (var t in new[] { e.ActorId, e.ActorName, e.EntityType, e.EntityId, e.SubjectType, e.SubjectId, e.Action, e.Before, e.After, e.IpAddress, e.PreviousHash, e.Hash })
                        if (t is null) await copy.WriteNullAsync(); else await copy.WriteAsync(t, NpgsqlTypes.NpgsqlDbType.Text);
                }
                await copy.CompleteAsync();
            }
            await using var head = new NpgsqlCommand("UPDATE \"AuditChainHeads\" SET \"Sequence\" = @s, \"Hash\" = @h", conn);
            head.Parameters.AddWithValue("s", (long)rows);
            head.Parameters.AddWithValue("h", hash);
            await head.ExecuteNonQueryAsync();
            return;
        }
        var toBinary = new DateTimeOffsetToBinaryConverter();
        await using var sqlite = new SqliteConnection(cs);
        await sqlite.OpenAsync();
        await using var tx = sqlite.BeginTransaction();
        await using var insert = sqlite.CreateCommand();
        insert.CommandText = $"INSERT INTO \"AuditEntries\" ({columns}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)";
        var p = Enumerable.Range(1, 14).Select(k => insert.Parameters.Add("$" + k, SqliteType.Text)).ToArray();
        foreach (var e in Chain())
        {
            object?[] values = [e.Sequence, toBinary.ConvertToProvider(e.At), e.ActorId, e.ActorName, e.EntityType, e.EntityId, e.SubjectType, e.SubjectId, e.Action, e.Before, e.After, e.IpAddress, e.PreviousHash, e.Hash];
            for (var k = 0; k < 14; k++)
            {
                p[k].SqliteType = values[k] is long ? SqliteType.Integer : SqliteType.Text;
                p[k].Value = values[k] ?? DBNull.Value;
            }
            await insert.ExecuteNonQueryAsync();
        }
        await using var setHead = sqlite.CreateCommand();
        setHead.CommandText = "UPDATE \"AuditChainHeads\" SET \"Sequence\" = $s, \"Hash\" = $h";
        setHead.Parameters.AddWithValue("$s", (long)rows);
        setHead.Parameters.AddWithValue("$h", hash);
        await setHead.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    private static async Task<long> ReadAllAsync(AppDbContext db)
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT * FROM \"AuditEntries\" ORDER BY \"Sequence\"";
        await using var reader = await cmd.ExecuteReaderAsync();
        long rows = 0, chars = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var f = 0; f < reader.FieldCount; f++)
                if (!reader.IsDBNull(f)) chars += reader.GetValue(f) is string s ? s.Length : 1;
        }
        return rows + chars * 0;
    }

    private static async Task Time(string what, bool pg, string cs, Func<AppDbContext, Task<long>> work)
    {
        await using var db = Context(pg, cs, chained: false);
        var watch = Stopwatch.StartNew();
        var rows = await work(db);
        watch.Stop();
        Console.WriteLine($"  {what,-40} {watch.Elapsed.TotalMilliseconds,9:F0} ms  ({rows:N0})");
    }

    private static long _unchainedSequence = 10_000_000_000;

    private static async Task TimeWrites(string what, bool pg, string cs, int saves, bool chained, int round)
    {
        var watch = Stopwatch.StartNew();
        for (var k = 0; k < saves; k++)
        {
            await using var db = Context(pg, cs, chained);
            var row = Row(k, TimeProvider.System.GetUtcNow());
            // The baseline row still carries a sequence and a hash (its own column values), only no chain work.
            if (!chained) row.Seal(++_unchainedSequence, AuditChain.Genesis);
            db.Add(row);
            await db.SaveChangesAsync();
        }
        watch.Stop();
        Console.WriteLine($"  round {round} {what,-32} {watch.Elapsed.TotalMilliseconds / saves,7:F2} ms per save ({saves} saves)");
    }
}
