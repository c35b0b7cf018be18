namespace Biaogan.Web.Infrastructure.Audit;

/// <summary>
/// One append-only record of a state change: who, when, what, before and after. Rows are never
/// updated or deleted; <see cref="AuditInterceptor"/> refuses any attempt, and database triggers
/// (<see cref="AuditGuard"/>) refuse it from SQL. Each row is sealed into a hash chain
/// (<see cref="AuditChain"/>): its <see cref="Hash"/> covers its fields and the previous row's hash.
/// </summary>
public sealed class AuditEntry
{
    private DateTimeOffset _at;

    public long Id { get; private set; }
    /// <summary>Position in the hash chain: 1, 2, 3 … without gaps, assigned when the row is saved.</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset At { get => _at; init => _at = value; }
    public string? ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public string EntityType { get; init; } = "";
    public string EntityId { get; init; } = "";
    public string SubjectType { get; init; } = "";
    public string SubjectId { get; init; } = "";
    /// <summary>What happened, in Chinese (“提交申报”, “修改”).</summary>
    public string Action { get; init; } = "";
    /// <summary>JSON object of the changed properties before the change (null when created).</summary>
    public string? Before { get; init; }
    /// <summary>JSON object of the changed properties after the change (null when deleted).</summary>
    public string? After { get; init; }
    public string? IpAddress { get; init; }
    /// <summary>SHA-256 (hex) of the row before this one in the chain; 64 zeros for the first row.</summary>
    public string PreviousHash { get; private set; } = "";
    /// <summary>SHA-256 (hex) of <see cref="AuditChain.Canonical"/> of this row.</summary>
    public string Hash { get; private set; } = "";

    /// <summary>Puts the row at <paramref name="sequence"/> after <paramref name="previousHash"/>. The time is cut
    /// to whole microseconds first, because PostgreSQL stores no finer and the hash must survive a round trip.</summary>
    internal string Seal(long sequence, string previousHash)
    {
        _at = AuditChain.Normalise(_at);
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditChain.ComputeHash(this);
        return Hash;
    }
}
