using Biaogan.Web.Features.Applications;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>Marks the open 补正 round resubmitted when the organisation resubmits from the form or the API.</summary>
internal sealed class SupplementRoundRecorder(AppDbContext db) : ISupplementResubmission
{
    public async Task RecordAsync(Application app, DateTimeOffset now, CancellationToken ct)
    {
        var review = await db.Set<QualificationReview>()
            .Where(r => r.ApplicationId == app.Id && r.Outcome == QualificationOutcome.Supplement)
            .OrderByDescending(r => r.Round).FirstOrDefaultAsync(ct);
        if (review is { ResubmittedAt: null }) review.MarkResubmitted(now);
    }
}
