using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Supervision;

/// <summary>领导小组: the cases before the group, with whether this member has voted; the vote itself is on the case page.</summary>
[Authorize(Policy = Policies.LeadingGroup)]
public sealed class VotesModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<(CaseSummary Case, bool Voted)> Pending { get; private set; } = [];
    public IReadOnlyList<CaseSummary> Decided { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var cases = await db.Set<SupervisionCase>().AsNoTracking()
            .Where(c => c.Status == CaseStatus.Deliberation || c.Status == CaseStatus.Decided).OrderByDescending(c => c.OpenedAt).ToListAsync(ct);
        var voted = await db.Set<SupervisionVote>().AsNoTracking().Where(v => v.VoterUserId == me).Select(v => v.CaseId).ToListAsync(ct);
        Pending = cases.Where(c => c.Status == CaseStatus.Deliberation).Select(c => (SupervisionViews.Summary(c), voted.Contains(c.Id))).ToList();
        Decided = cases.Where(c => c.Status == CaseStatus.Decided).Take(50).Select(SupervisionViews.Summary).ToList();
    }
}
