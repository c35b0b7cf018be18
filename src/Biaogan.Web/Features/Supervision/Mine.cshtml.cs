using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.Supervision;

/// <summary>The winning organisation's 获奖后监督: its incidents (with deadlines and lateness) and the cases concerning it.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class MineModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];
    public IReadOnlyList<IncidentView> Incidents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cases = await SupervisionViews.ListAsync(db, User, ct);
        Incidents = await SupervisionViews.IncidentsAsync(db, User, clock, ct);
    }
}
