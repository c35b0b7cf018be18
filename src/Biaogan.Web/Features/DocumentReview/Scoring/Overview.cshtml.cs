using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>
/// /DocumentReview: the office's 资料评审 progress per cycle — per application the sheets submitted x/k, overdue sheets
/// and the consensus — with reopening of a submitted sheet or an agreed consensus (reason required, audited).
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class OverviewModel(AppDbContext db, ScoringWorkflow scoring, ConsensusWorkflow consensus, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public Cycle? Cycle { get; private set; }
    public IReadOnlyList<ApplicationProgress> Rows { get; private set; } = [];
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReopenSheetAsync(Guid sheetId, int version, string? reason, CancellationToken ct)
    {
        await scoring.ReopenAsync(sheetId, reason ?? "", version, ct);
        Flash = "评分表已重新开放，已通知评审员。";
        return RedirectToPage(new { CycleId });
    }

    public async Task<IActionResult> OnPostReopenConsensusAsync(Guid consensusId, int version, string? reason, CancellationToken ct)
    {
        await consensus.ReopenAsync(consensusId, reason ?? "", version, ct);
        Flash = "一致性评审已重新开放，组长可以继续修改。";
        return RedirectToPage(new { CycleId });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = (await db.Set<Cycle>().AsNoTracking().ToListAsync(ct)).OrderByDescending(c => c.Year).ToList();
        Cycle = Cycles.FirstOrDefault(c => c.Id == CycleId) ?? Cycles.FirstOrDefault(c => c.Status == CycleStatus.Open) ?? Cycles.FirstOrDefault();
        CycleId = Cycle?.Id;
        if (Cycle is not null) Rows = await ScoringProgress.ForCycleAsync(db, Cycle.Id, Today, ct);
    }
}
