using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>双向反馈 overview of a cycle for the office: per visit, how many ratings each side has submitted, and the deadline.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, MutualFeedbackWorkflow workflow, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }
    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public Cycle? Cycle { get; private set; }
    public IReadOnlyList<FeedbackVisit> Visits { get; private set; } = [];
    public List<MutualRating> Ratings { get; private set; } = [];
    public DateOnly Today => Biaogan.Web.Infrastructure.Time.ChinaTime.Today(clock);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        Cycle = CycleId is { } id ? Cycles.FirstOrDefault(c => c.Id == id)
            : Cycles.OrderByDescending(c => c.Status == CycleStatus.Open).ThenByDescending(c => c.Year).FirstOrDefault();
        if (Cycle is null) return;
        Visits = await workflow.VisitsAsync(Cycle.Id, null, ct);
        Ratings = await db.Set<MutualRating>().AsNoTracking().Where(r => r.CycleId == Cycle.Id).ToListAsync(ct);
    }

    public int Submitted(Guid applicationId, FeedbackDirection d) =>
        Ratings.Count(r => r.ApplicationId == applicationId && r.Direction == d && r.Status == RatingStatus.Submitted);
}
