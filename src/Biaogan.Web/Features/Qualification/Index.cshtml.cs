using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>资格审查 queue of the activity office: one page of the filtered, sorted queue (docs/decisions/0049).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    public QualificationFilter Filter { get; private set; } = new();
    public ListQuery List { get; private set; } = new();
    public ListView? Paging { get; private set; }
    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int Waiting { get; private set; }
    public int Supplement { get; private set; }
    public int Overdue { get; private set; }

    public async Task<IActionResult> OnGetAsync(QualificationFilter filter, ListQuery list)
    {
        (Filter, List) = (filter, list);
        foreach (var (field, messages) in filter.Errors()) ModelState.AddModelError(field, messages[0]);
        return await RedisplayAsync();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var ct = HttpContext.RequestAborted;
        Today = clock.Today();
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        var query = QualificationQueue.Query(db, ModelState.IsValid ? Filter : new QualificationFilter(), Today).AsNoTracking();
        var counts = await query.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Waiting = counts.Where(c => c.Key == ApplicationStatus.AwaitingQualification).Sum(c => c.Count);
        Supplement = counts.Where(c => c.Key == ApplicationStatus.SupplementRequested).Sum(c => c.Count);
        var today = Today;
        Overdue = await query.CountAsync(r => r.Status == ApplicationStatus.SupplementRequested && r.SupplementDeadline < today, ct);
        var page = await QualificationQueue.Sorts.Apply(query, List).PageAsync(List, ct);
        Paging = ListView.Of(page, QualificationQueue.Sorts, List, Filter.RouteValues());
        Rows = page.Items;
        return Page();
    }
}
