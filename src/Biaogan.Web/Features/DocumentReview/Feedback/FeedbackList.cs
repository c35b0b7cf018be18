using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>One application not selected (or already given a report) with its report, if generated.</summary>
public sealed record FeedbackRow(Guid ApplicationId, string? Number, string Organization, AwardCategory? Category, FeedbackReport? Report);

/// <summary>The office's list of a cycle's feedback reports (the /DocumentReview/Feedback page and its API).</summary>
public static class FeedbackList
{
    public static async Task<IReadOnlyList<FeedbackRow>> ForCycleAsync(AppDbContext db, Guid cycleId, CancellationToken ct)
    {
        var notSelected = await ShortlistQueries.NotSelectedAsync(db, cycleId, ct);
        var reports = await db.Set<FeedbackReport>().AsNoTracking().Where(r => r.CycleId == cycleId).ToDictionaryAsync(r => r.ApplicationId, ct);
        var ids = notSelected.Concat(reports.Keys).Distinct().ToList();
        var apps = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                          where ids.Contains(a.Id)
                          select new { a.Id, a.Number, o.Name, a.Category }).ToListAsync(ct);
        return apps.OrderBy(a => a.Category).ThenBy(a => a.Number)
            .Select(a => new FeedbackRow(a.Id, a.Number, a.Name, a.Category, reports.GetValueOrDefault(a.Id))).ToList();
    }
}
