using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>
/// An agreed consensus puts its application before the review committee's 入围评议; the committee is told once per
/// category of the cycle that votes wait (the page shows which — the notice names no organisation, since names may
/// still be hidden from the committee).
/// </summary>
public sealed class ShortlistVoteNotice(AppDbContext db, CommitteeNotices committee)
{
    public async Task ConsensusAgreedAsync(Guid applicationId, CancellationToken ct)
    {
        var app = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app?.Category is not { } category) return;
        var year = await db.Set<Cycle>().AsNoTracking().Where(c => c.Id == app.CycleId).Select(c => c.Year).FirstAsync(ct);
        await committee.VoteWaitsAsync(await Governance.CommitteeVoters.VotersAsync(db, app.CycleId, Governance.CommitteeKind.Review, ct),
            $"入围评议待投票:{app.CycleId}:{category}", DefaultTemplates.ShortlistVoteWaiting,
            new Dictionary<string, string> { ["年度"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["类别"] = Cycle.CategoryDisplay(category) },
            "/DocumentReview/Shortlist", null, ct);
    }
}
