using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>The office's list of 资料评审反馈报告 of a cycle: one per application not selected, generated from the consensus.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, FeedbackWorkflow workflow) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public Cycle? Cycle { get; private set; }
    public IReadOnlyList<FeedbackRow> Rows { get; private set; } = [];
    public int SelectedCount { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        var cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        if (cycle is null) return NotFound();
        var result = await workflow.GenerateAsync(cycle.Id, ct);
        Flash = result.Created == 0 ? "没有需要新生成的反馈报告。" : $"已生成 {result.Created} 份反馈报告草稿，请逐份审核修改后审定、发放。";
        if (result.WithoutConsensus.Count > 0) Flash += $"另有 {result.WithoutConsensus.Count} 项申报的一致性评审尚未确认，暂不能生成。";
        return RedirectToPage(new { cycleId = cycle.Id });
    }

    /// <summary>Releases exactly the reports listed in the confirmation (their application ids are posted with it).</summary>
    public async Task<IActionResult> OnPostReleaseAllAsync(List<Guid> applicationIds, CancellationToken ct)
    {
        var cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        if (cycle is null) return NotFound();
        if (applicationIds.Count == 0)
        {
            ModelState.AddModelError(nameof(applicationIds), "没有选中要发放的反馈报告，请刷新页面后核对待发放的组织再发放。");
            return await RedisplayAsync();
        }
        var told = await workflow.ReleaseApprovedAsync(cycle.Id, ct, applicationIds);
        Flash = $"已向 {told.Count} 家组织发放反馈报告（{string.Join("、", told)}）。";
        return RedirectToPage(new { cycleId = cycle.Id });
    }

    /// <summary>Approved reports not yet released: what the bulk button would send, and to whom.</summary>
    public IReadOnlyList<FeedbackRow> ReadyToRelease => Rows.Where(r => r.Report is { Status: FeedbackStatus.Approved }).ToList();

    public string ReleaseConfirm => $"将向 {ReadyToRelease.Count} 家组织发放反馈报告（{string.Join("、", ReadyToRelease.Select(r => r.Organization))}），" +
                                    "并通知各组织的用户；发放后不能撤回。确定发放吗？";

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        Cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        if (Cycle is null) return;
        SelectedCount = (await ShortlistQueries.SelectedAsync(db, Cycle.Id, ct)).Count;
        Rows = await FeedbackList.ForCycleAsync(db, Cycle.Id, ct);
    }
}
