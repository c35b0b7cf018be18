using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Infrastructure.Audit;

/// <summary>
/// The hash chain over the audit log (docs/decisions/0023-audit-hash-chain.md). Row n's hash is SHA-256 over a canonical JSON
/// array of its fields including row n−1's hash, so changing, removing or inserting a row breaks every
/// link after it. The one <see cref="AuditChainHead"/> row holds the last sequence and hash; appends lock it
/// in the saving transaction, so rows from several app nodes never fork the chain.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Whole microseconds, UTC: what both providers store exactly.</summary>
    public static DateTimeOffset Normalise(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    /// <summary>The bytes that are hashed: a JSON array in a fixed field order, nulls kept distinct from "".</summary>
    public static byte[] Canonical(AuditEntry e)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteNumberValue(e.Sequence);
            w.WriteStringValue(Normalise(e.At).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var text in new[] { e.ActorId, e.ActorName, e.EntityType, e.EntityId, e.SubjectType, e.SubjectId, e.Action, e.Before, e.After, e.IpAddress, e.PreviousHash })
            {
                if (text is null) w.WriteNullValue();
                else w.WriteStringValue(text);
            }
            w.WriteEndArray();
        }
        return buffer.ToArray();
    }

    public static string ComputeHash(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    internal static string Describe(long sequence, string hash) => $"{sequence}:{hash}";

    /// <summary>Reads “序号:哈希” as printed by the daily publication.</summary>
    public static (long Sequence, string Hash) ParseHead(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], out var seq) || parts[1].Length != 64)
            throw new FormatException($"链头“{text}”格式不正确，应为“序号:64位十六进制哈希”，例如每日发布的站内信或日志中的那一行。");
        return (seq, parts[1].ToLowerInvariant());
    }
}

/// <summary>The single row (Id 1) holding the chain's last sequence and hash.</summary>
public sealed class AuditChainHead
{
    public const int TheId = 1;
    public int Id { get; set; }
    public long Sequence { get; set; }
    public string Hash { get; set; } = AuditChain.Genesis;
}

/// <summary>One day's published chain head (<see cref="Features.Audit.AuditChainPublisher"/>). Later checks compare
/// the chain against these, so that a cut tail or a rewritten chain shows even when every link is consistent.</summary>
public sealed class AuditChainCheckpoint
{
    public long Id { get; private set; }
    /// <summary>China Standard Time date of the publication; one per day.</summary>
    public DateOnly Day { get; init; }
    public long Sequence { get; init; }
    public string Hash { get; init; } = "";
    public DateTimeOffset PublishedAt { get; init; }
}

internal sealed class AuditChainConfiguration :
    IEntityTypeConfiguration<AuditEntry>, IEntityTypeConfiguration<AuditChainHead>, IEntityTypeConfiguration<AuditChainCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => a.Sequence).IsUnique();
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("AuditChainHeads");
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Hash).HasMaxLength(64);
        b.HasData(new AuditChainHead { Id = AuditChainHead.TheId, Sequence = 0, Hash = AuditChain.Genesis });
    }

    public void Configure(EntityTypeBuilder<AuditChainCheckpoint> b)
    {
        b.ToTable("AuditChainCheckpoints");
        b.HasIndex(c => c.Day).IsUnique();
        b.Property(c => c.Hash).HasMaxLength(64);
    }
}
