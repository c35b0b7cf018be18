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
    public FeedbackFilter Filter { get; private set; } = new();
    public ListQuery List { get; private set; } = new();

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public Cycle? Cycle { get; private set; }
    public ListView? Paging { get; private set; }
    public IReadOnlyList<FeedbackListRow> Rows { get; private set; } = [];
    public int SelectedCount { get; private set; }
    public int NotSelectedCount { get; private set; }

    /// <summary>Approved reports not yet released in the whole filtered list: the bulk release's preview, each a checkbox.</summary>
    public IReadOnlyList<FeedbackListRow> ReadyToRelease { get; private set; } = [];

    public async Task OnGetAsync(FeedbackFilter filter, ListQuery list, CancellationToken ct)
    {
        (Filter, List) = (filter, list);
        foreach (var (field, messages) in Filter.Errors()) ModelState.AddModelError(field, messages[0]);
        await LoadAsync(ct);
    }

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

    /// <summary>Releases exactly the reports ticked in the preview (their application ids are posted with it).</summary>
    public async Task<IActionResult> OnPostReleaseAllAsync(List<Guid> applicationIds, CancellationToken ct)
    {
        var cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        if (cycle is null) return NotFound();
        if (applicationIds.Count == 0)
        {
            ModelState.AddModelError(nameof(applicationIds), "没有勾选要发放的反馈报告，请在待发放的组织中勾选后再发放。");
            return await RedisplayAsync();
        }
        var told = await workflow.ReleaseApprovedAsync(cycle.Id, ct, applicationIds);
        Flash = $"已向 {told.Count} 家组织发放反馈报告（{string.Join("、", told)}）。";
        return RedirectToPage(new { cycleId = cycle.Id });
    }

    public string ReleaseConfirm => "将向勾选的组织发放反馈报告，并通知各组织的用户；发放后不能撤回。确定发放吗？";

    public string ExportLink => "/DocumentReview/Feedback/Export" + (Paging is { } p
        ? QueryString.Create(p.At(1).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value))).ToString() : "");

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        Cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        if (Cycle is null) return;
        SelectedCount = (await ShortlistQueries.SelectedAsync(db, Cycle.Id, ct)).Count;
        NotSelectedCount = (await ShortlistQueries.NotSelectedAsync(db, Cycle.Id, ct)).Count;
        var query = (await FeedbackListQuery.QueryAsync(db, Cycle.Id, ModelState.IsValid ? Filter : new FeedbackFilter(), ct)).AsNoTracking();
        var page = await FeedbackListQuery.Sorts.Apply(query, List).PageAsync(List, ct);
        var filters = Filter.RouteValues();
        filters["cycleId"] = Cycle.Id.ToString();
        Paging = ListView.Of(page, FeedbackListQuery.Sorts, List, filters);
        Rows = page.Items;
        ReadyToRelease = await FeedbackListQuery.Sorts.Apply(query.Where(r => r.Status == FeedbackStatus.Approved), List).ToListAsync(ct);
    }
}
