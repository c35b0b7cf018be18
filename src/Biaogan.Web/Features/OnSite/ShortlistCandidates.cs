using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.OnSite;

/// <summary>On-site teams are formed for the applications the review committee selected for 现场评审 (第十七条、第十九条).</summary>
internal sealed class ShortlistCandidates(AppDbContext db) : IStageCandidates
{
    public ReviewStage Stage => ReviewStage.OnSite;

    public Task<IReadOnlyList<Guid>> ApplicationIdsAsync(Guid cycleId, CancellationToken ct) => ShortlistQueries.SelectedAsync(db, cycleId, ct);
}
