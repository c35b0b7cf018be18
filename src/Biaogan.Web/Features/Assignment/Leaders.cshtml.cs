using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>组长资格 — the office records which appointed reviewers may lead an expert group.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class LeadersModel(AppDbContext db, LeaderQualifications leaders, TimeProvider clock) : AppPageModel
{
    public sealed record Row(ReviewerProfile Reviewer, LeaderQualification? Qualification);

    [BindProperty] public Guid ReviewerId { get; set; }
    [BindProperty] public bool Eligible { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await leaders.RecordAsync(ReviewerId, Eligible, Note, ct)) return NotFound();
        Flash = "组长资格已保存。";
        return RedirectToPage();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var pool = await ReviewerPool.AvailableAsync(db, clock.Today(), ct);
        var quals = await db.Set<LeaderQualification>().AsNoTracking().ToDictionaryAsync(q => q.ReviewerId, ct);
        Rows = pool.Select(p => new Row(p, quals.GetValueOrDefault(p.Id))).ToList();
    }
}
