using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Audit;

/// <summary>Which audit records to show or export. Dates are China-local days, both inclusive.</summary>
public sealed class AuditFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary>Part of the actor's name.</summary>
    public string? Actor { get; set; }
    /// <summary>Entity or subject type (e.g. Cycle).</summary>
    public string? EntityType { get; set; }
    /// <summary>The id of the changed row or of the aggregate it belongs to.</summary>
    public string? SubjectId { get; set; }
    /// <summary>Part of the action text (“开启”).</summary>
    public string? Action { get; set; }

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query)
    {
        if (From is { } from)
        {
            var start = ChinaTime.At(from, TimeOnly.MinValue).ToUniversalTime();
            query = query.Where(a => a.At >= start);
        }
        if (To is { } to)
        {
            var end = ChinaTime.At(to.AddDays(1), TimeOnly.MinValue).ToUniversalTime();
            query = query.Where(a => a.At < end);
        }
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            query = query.Where(a => a.ActorName.Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            var type = EntityType.Trim();
            query = query.Where(a => a.EntityType == type || a.SubjectType == type);
        }
        if (!string.IsNullOrWhiteSpace(SubjectId))
        {
            var id = SubjectId.Trim().ToLowerInvariant();
            query = query.Where(a => a.SubjectId == id || a.EntityId == id);
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            query = query.Where(a => a.Action.Contains(action));
        }
        return query;
    }

    /// <summary>The filter as query-string pairs, to link pages and the CSV export.</summary>
    public Dictionary<string, string?> ToRouteValues() => new()
    {
        ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["actor"] = Actor,
        ["type"] = EntityType, ["subject"] = SubjectId, ["action"] = Action,
    };
}
