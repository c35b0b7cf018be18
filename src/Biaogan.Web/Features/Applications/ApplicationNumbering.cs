using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// The last application number handed out in a cycle. One row per cycle, advanced by a single
/// <c>UPDATE … RETURNING</c> inside the submit transaction: the row lock (PostgreSQL) or the write lock
/// (SQLite) makes simultaneous submitters queue rather than collide, and a submit that rolls back gives its
/// number back, so numbers stay unique and gapless.
/// </summary>
public sealed class ApplicationNumberCounter
{
    public Guid CycleId { get; private set; }
    public int Last { get; private set; }
}

internal sealed class ApplicationNumberCounterConfiguration : IEntityTypeConfiguration<ApplicationNumberCounter>
{
    public void Configure(EntityTypeBuilder<ApplicationNumberCounter> b)
    {
        b.ToTable("ApplicationNumberCounters");
        b.HasKey(c => c.CycleId);
    }
}

/// <summary>Takes the next 申报编号 (BG{year}-0001) of a cycle; call only inside the submit transaction.</summary>
public sealed class ApplicationNumbering(AppDbContext db)
{
    /// <summary>How long a submit may wait for the ones ahead of it on deadline day before giving up.</summary>
    private static readonly TimeSpan QueueTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Lets this context's next transaction wait its turn: on SQLite BEGIN IMMEDIATE waits up to the connection's
    /// default timeout (30 s) for the write lock, too short when a hundred submits queue on a busy machine.
    /// </summary>
    public void AllowForQueue()
    {
        db.Database.SetCommandTimeout(QueueTimeout);
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
            sqlite.DefaultTimeout = (int)QueueTimeout.TotalSeconds;
    }

    public async Task<string> TakeNextAsync(Cycle cycle, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("申报编号只能在提交申报的事务中领取。");
        // Start the counter from any numbers already given (a database from before the counter existed);
        // when two first submits race, ON CONFLICT keeps the first row and the second simply advances it.
        var prefix = $"BG{cycle.Year}-";
        var highest = await db.Set<Application>().Where(a => a.CycleId == cycle.Id && a.Number != null && a.Number.StartsWith(prefix))
            .MaxAsync(a => a.Number, ct);
        var start = highest is not null && int.TryParse(highest[prefix.Length..], out var k) ? k : 0;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"ApplicationNumberCounters\" (\"CycleId\", \"Last\") VALUES ({cycle.Id}, {start}) ON CONFLICT (\"CycleId\") DO NOTHING", ct);
        var next = await db.Database.SqlQuery<int>(
                $"UPDATE \"ApplicationNumberCounters\" SET \"Last\" = \"Last\" + 1 WHERE \"CycleId\" = {cycle.Id} RETURNING \"Last\" AS \"Value\"")
            .ToListAsync(ct);
        return $"{prefix}{next.Single():D4}";
    }
}
