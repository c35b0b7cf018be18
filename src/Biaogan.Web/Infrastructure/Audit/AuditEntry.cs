namespace Biaogan.Web.Infrastructure.Audit;

/// <summary>
/// One append-only record of a state change: who, when, what, before and after. Rows are never
/// updated or deleted; <see cref="AuditInterceptor"/> refuses any attempt.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; init; }
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
}
