using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Infrastructure.Audit;

/// <summary>
/// Audit records for acts that change no entity but must be on the record: an export of contacts (who exported which
/// filter), a bulk action (who chose which set). The record is saved at once, before the act it describes begins.
/// </summary>
public sealed class ActionAudit(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Record types of these acts (their Chinese names are in Features/Audit/AuditLabels.Tables.cs).</summary>
    public const string ListExport = "ListExport";
    public const string BulkAction = "BulkAction";

    private static readonly System.Text.Json.JsonSerializerOptions DetailsJson =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Records the act with its details (filter, count, recipients …) as JSON with the Chinese kept readable.</summary>
    public Task RecordDetailsAsync(string entityType, string entityId, string action, object details, CancellationToken ct = default) =>
        RecordAsync(entityType, entityId, action, System.Text.Json.JsonSerializer.Serialize(details, DetailsJson), ct);

    public async Task RecordAsync(string entityType, string entityId, string action, string? after, CancellationToken ct = default)
    {
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = clock.GetUtcNow(), ActorId = actor.Id, ActorName = actor.Name, IpAddress = actor.IpAddress,
            EntityType = entityType, EntityId = entityId, SubjectType = entityType, SubjectId = entityId,
            Action = action, After = after,
        });
        await db.SaveChangesAsync(ct);
    }
}
