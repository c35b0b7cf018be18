using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>The applicant's avoid-list: a new request is matched against the pool at once, and again by every scan.</summary>
public static class AvoidList
{
    /// <summary>Saves the request and files a pending case for every reviewer it names; returns how many matched.</summary>
    public static async Task<int> AddAsync(AppDbContext db, AvoidRequest request, TimeProvider clock, CancellationToken ct)
    {
        db.Add(request);
        var reviewers = await ConflictScan.ReviewersAsync(db, ct);
        var findings = ConflictScan.MatchAvoidance([request], reviewers);
        var existing = await db.Set<ConflictCase>().AsNoTracking()
            .Where(c => c.ApplicationId == request.ApplicationId && c.Source == ConflictSource.ApplicantAvoidance)
            .Select(c => new { c.ReviewerId, c.Evidence }).ToListAsync(ct);
        var added = 0;
        foreach (var f in findings.Where(f => !existing.Any(e => e.ReviewerId == f.ReviewerId && e.Evidence == f.Evidence)))
        {
            db.Add(new ConflictCase(request.CycleId, f.ApplicationId, f.ReviewerId, f.Source, f.Evidence, clock.GetUtcNow()));
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>How many reviewers each request of the application matched (keyed by the request's evidence).</summary>
    public static async Task<Dictionary<string, int>> MatchCountsAsync(AppDbContext db, Guid applicationId, CancellationToken ct)
    {
        var rows = await db.Set<ConflictCase>().AsNoTracking()
            .Where(c => c.ApplicationId == applicationId && c.Source == ConflictSource.ApplicantAvoidance)
            .GroupBy(c => c.Evidence).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.Count);
    }
}
