using System.Text.Json;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Biaogan.Web.Infrastructure.Audit;

/// <summary>
/// Turns every saved change of an <see cref="Entity"/> into an <see cref="AuditEntry"/> in the same
/// transaction, seals every new audit row into the hash chain (<see cref="AuditChainAppender"/>), bumps
/// concurrency versions, and refuses to modify or delete audit rows.
/// </summary>
public sealed class AuditInterceptor(CurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private const int MaxTextInAudit = 300;
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly AuditChainAppender _chain = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
        {
            db.ChangeTracker.DetectChanges();
            using (Scanning.WithoutDetecting(db))
            {
                Capture(db);
                _chain.Append(db);
            }
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            db.ChangeTracker.DetectChanges();
            using (Scanning.WithoutDetecting(db))
            {
                Capture(db);
                await _chain.AppendAsync(db, cancellationToken);
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not null) _chain.Complete(eventData.Context, succeeded: true);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) await _chain.CompleteAsync(eventData.Context, succeeded: true);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not null) _chain.Complete(eventData.Context, succeeded: false);
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) await _chain.CompleteAsync(eventData.Context, succeeded: false);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        if (eventData.Context is not null) _chain.Complete(eventData.Context, succeeded: false);
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) await _chain.CompleteAsync(eventData.Context, succeeded: false);
    }

    /// <summary>Runs after one <see cref="ChangeTracker.DetectChanges"/> with detection off (<see cref="Scanning"/>).</summary>
    private void Capture(DbContext db)
    {
        foreach (var e in db.ChangeTracker.Entries<AuditEntry>())
        {
            if (e.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("审计记录只能追加，不能修改或删除。");
        }

        var now = AuditChain.Normalise(clock.GetUtcNow());
        var entries = new List<AuditEntry>();
        foreach (var e in db.ChangeTracker.Entries<Entity>().ToList())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (e.State == EntityState.Modified)
            {
                if (!Audited(e).Any(p => p.Entry.IsModified))
                {
                    if (e.Entity.PendingAuditActions.Count == 0) continue;
                }
                e.Entity.Version++;
                e.DetectChanges(); // this entry only: SaveChanges detects again only when the caller left detection on
            }

            var (before, after) = Describe(e);
            var actions = e.Entity.PendingAuditActions.Count > 0
                ? e.Entity.PendingAuditActions.ToList()
                : [e.State switch { EntityState.Added => "创建", EntityState.Deleted => "删除", _ => "修改" }];
            e.Entity.PendingAuditActions.Clear();
            var subject = e.Entity.AuditSubject;
            foreach (var action in actions)
            {
                entries.Add(new AuditEntry
                {
                    At = now, ActorId = actor.Id, ActorName = actor.Name, IpAddress = actor.IpAddress,
                    EntityType = e.Metadata.ClrType.Name, EntityId = e.Entity.Id.ToString(),
                    SubjectType = subject.Type, SubjectId = subject.Id.ToString(),
                    Action = action, Before = before, After = after,
                });
            }
        }
        db.Set<AuditEntry>().AddRange(entries);
    }

    /// <summary>The entity's own columns and those of its complex properties (“Settings.Quota”), less the version.</summary>
    private static IEnumerable<(string Name, PropertyEntry Entry)> Audited(EntityEntry<Entity> e) =>
        e.Properties.Where(p => p.Metadata.Name != nameof(Entity.Version)).Select(p => (p.Metadata.Name, p))
            .Concat(e.ComplexProperties.SelectMany(c => c.Properties.Select(p => ($"{c.Metadata.Name}.{p.Metadata.Name}", p))));

    private static (string? Before, string? After) Describe(EntityEntry<Entity> e)
    {
        var props = Audited(e).Where(p => e.State != EntityState.Modified || p.Entry.IsModified).ToList();
        Dictionary<string, object?> Map(Func<PropertyEntry, object?> value) =>
            props.ToDictionary(p => p.Name, p => Shorten(value(p.Entry)));
        return e.State switch
        {
            EntityState.Added => (null, JsonSerializer.Serialize(Map(p => p.CurrentValue), Json)),
            EntityState.Deleted => (JsonSerializer.Serialize(Map(p => p.OriginalValue), Json), null),
            _ => (JsonSerializer.Serialize(Map(p => p.OriginalValue), Json), JsonSerializer.Serialize(Map(p => p.CurrentValue), Json)),
        };
    }

    private static object? Shorten(object? value) => value is string s && s.Length > MaxTextInAudit
        ? $"{s[..MaxTextInAudit]}…（共{s.Length}字符）"
        : value;
}
