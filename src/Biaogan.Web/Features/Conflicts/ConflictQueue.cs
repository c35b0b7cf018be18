using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>One case as the office's queue and the API show it.</summary>
public sealed record ConflictRow(Guid Id, Guid CycleId, Guid ApplicationId, string? ApplicationNumber, string OrganizationName,
    Guid ReviewerId, string ReviewerName, ConflictSource Source, string Evidence, ConflictStatus Status, DateTimeOffset FoundAt,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionReason, int Version);

/// <summary>The filters of the office's confirmation queue.</summary>
public sealed record ConflictFilter(Guid? CycleId = null, ConflictStatus? Status = null, ConflictSource? Source = null,
    Guid? ApplicationId = null, Guid? ReviewerId = null, string? Search = null, Guid? CaseId = null);

/// <summary>待确认 queue of the activity office: pending cases first, then the newest decisions.</summary>
public static class ConflictQueue
{
    public const int PageSize = 200;

    public static async Task<List<ConflictRow>> LoadAsync(AppDbContext db, ConflictFilter f, CancellationToken ct)
    {
        var q = from c in db.Set<ConflictCase>().AsNoTracking()
                join a in db.Set<Application>() on c.ApplicationId equals a.Id
                join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                join r in db.Set<ReviewerProfile>() on c.ReviewerId equals r.Id
                select new { c, a.Number, OrgName = o.Name, ReviewerName = r.Name };
        if (f.CaseId is { } caseId) q = q.Where(x => x.c.Id == caseId);
        if (f.CycleId is { } cycle) q = q.Where(x => x.c.CycleId == cycle);
        if (f.Status is { } status) q = q.Where(x => x.c.Status == status);
        if (f.Source is { } source) q = q.Where(x => x.c.Source == source);
        if (f.ApplicationId is { } app) q = q.Where(x => x.c.ApplicationId == app);
        if (f.ReviewerId is { } rev) q = q.Where(x => x.c.ReviewerId == rev);
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            q = q.Where(x => x.OrgName.Contains(s) || x.ReviewerName.Contains(s) || (x.Number != null && x.Number.Contains(s)));
        }
        var rows = await q.OrderBy(x => x.c.Status == ConflictStatus.Pending ? 0 : 1).ThenByDescending(x => x.c.FoundAt)
            .Take(PageSize).ToListAsync(ct);
        return rows.Select(x => new ConflictRow(x.c.Id, x.c.CycleId, x.c.ApplicationId, x.Number, x.OrgName, x.c.ReviewerId, x.ReviewerName,
            x.c.Source, x.c.Evidence, x.c.Status, x.c.FoundAt, x.c.DecidedAt, x.c.DecidedBy, x.c.DecisionReason, x.c.Version)).ToList();
    }

    public static async Task<Dictionary<ConflictStatus, int>> CountsAsync(AppDbContext db, Guid? cycleId, CancellationToken ct)
    {
        var q = db.Set<ConflictCase>().AsNoTracking();
        if (cycleId is { } id) q = q.Where(c => c.CycleId == id);
        var counts = await q.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }
}
