using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>The audit trail of one profile and its records (trainings, work history, sanctions), newest first.</summary>
public static class ReviewerHistory
{
    public static Task<List<AuditEntry>> OfAsync(AppDbContext db, Guid profileId, CancellationToken ct = default)
    {
        var id = profileId.ToString();
        return db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.SubjectType == nameof(ReviewerProfile) && a.SubjectId == id)
            .OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
    }
}
