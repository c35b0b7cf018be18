using System.ComponentModel.DataAnnotations.Schema;

namespace Biaogan.Web.Infrastructure.Data;

/// <summary>
/// Base of every business entity: a time-ordered id, an optimistic concurrency version, and the
/// audit actions its intention-revealing methods record (picked up by the audit interceptor).
/// </summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    /// <summary>Concurrency token, incremented on every save that changes the row.</summary>
    public int Version { get; set; }

    [NotMapped]
    internal List<string> PendingAuditActions { get; } = [];

    /// <summary>The aggregate this row's history belongs to (e.g. the application of a review round).</summary>
    [NotMapped]
    public virtual (string Type, Guid Id) AuditSubject => (GetType().Name, Id);

    /// <summary>Describes, in Chinese, the state change the next save records (“提交申报”).</summary>
    protected void RecordAction(string action) => PendingAuditActions.Add(action);
}
