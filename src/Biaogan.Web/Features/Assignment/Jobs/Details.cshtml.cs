using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment.Jobs;

/// <summary>求解进度 — polls /api/assignment/jobs/{id} while the job runs; survives reloads (the job is a row).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public AssignmentJob Job { get; private set; } = null!;
    public string CycleName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var job = await db.Set<AssignmentJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return NotFound();
        Job = job;
        CycleName = await db.Set<Cycles.Cycle>().Where(c => c.Id == job.CycleId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        return Page();
    }
}
