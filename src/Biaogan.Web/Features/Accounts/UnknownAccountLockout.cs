using System.Security.Cryptography;
using System.Text;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// Failed sign-ins for an address that has no usable account (none at all, or a disabled one and a wrong
/// password) are counted per address and “lock” after the same number of tries and for the same time as a
/// real account does, so the login page's answers do not tell which addresses are registered.
/// Counted in the database (<see cref="SignInThrottle"/>), as a real account's failures are, so that tries spread
/// over several nodes add up the same way for both. The typed address is stored only as a hash.
/// </summary>
public sealed class UnknownAccountLockout(AppDbContext db, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>Records one failed try; returns when the address is locked until, as a real account would be.</summary>
    public async Task<DateTimeOffset?> FailAsync(string email, CancellationToken ct = default)
    {
        var lockout = identity.Value.Lockout;
        var now = clock.GetUtcNow();
        var key = KeyOf(email);
        var rows = db.Set<SignInThrottle>().Where(t => t.Key == key);
        var row = await rows.AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            db.Set<SignInThrottle>().Add(new SignInThrottle { Key = key, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node inserted the same address at the same moment: its row counts for both.
            }
            db.ChangeTracker.Clear();
            row = await rows.AsNoTracking().FirstAsync(ct);
        }
        if (row.LockedUntil is { } until)
        {
            if (until > now) return until;
            // The lock ran out: start counting again (only one node resets it).
            await rows.Where(t => t.LockedUntil == until)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LockedUntil, (DateTimeOffset?)null).SetProperty(t => t.Failures, 0), ct);
        }
        // One statement per try, so simultaneous tries on several nodes are each counted.
        await rows.ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, t => t.Failures + 1).SetProperty(t => t.UpdatedAt, now), ct);
        var failures = await rows.Select(t => t.Failures).FirstAsync(ct);
        if (failures < lockout.MaxFailedAccessAttempts) return null;
        var lockedUntil = now + lockout.DefaultLockoutTimeSpan;
        var locked = await rows.Where(t => t.LockedUntil == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LockedUntil, lockedUntil).SetProperty(t => t.Failures, 0), ct);
        if (locked == 1) return lockedUntil;
        return await rows.Select(t => t.LockedUntil).FirstAsync(ct) ?? lockedUntil;
    }

    /// <summary>Forgets rows that have not changed for a day (their lock ran out long ago); keeps the table small.</summary>
    public Task<int> PruneAsync(CancellationToken ct = default)
    {
        var before = clock.GetUtcNow() - TimeSpan.FromDays(1);
        return db.Set<SignInThrottle>().Where(t => t.UpdatedAt < before).ExecuteDeleteAsync(ct);
    }

    public static string KeyOf(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
}

/// <summary>Scheduled work “accounts.throttle-prune”: once a day (03:30 China Standard Time) removes stale rows.</summary>
internal sealed class SignInThrottlePruneWork(UnknownAccountLockout lockout) : IRecurringWork
{
    public string Kind => "accounts.throttle-prune";
    public string Title => "清理登录失败计数";
    public Recurrence Recurrence => Recurrence.DailyAtChinaTime(new TimeOnly(3, 30));

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct) => $"已清理 {await lockout.PruneAsync(ct)} 条";
}

/// <summary>Failed sign-ins of one address without a usable account (not audited: it is not a record of the programme).</summary>
public sealed class SignInThrottle
{
    /// <summary>SHA-256 (hex) of the address as typed, trimmed and upper-cased.</summary>
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<SignInThrottle> b)
    {
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(64);
        b.HasIndex(t => t.UpdatedAt);
    }
}
