using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.OnSite;

/// <summary>现场评审 — the office's list per cycle: the shortlist, each on-site team and visit, and creating the visits.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, SiteVisitWorkflow workflow, OnSiteStage stage) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public Cycle? Cycle { get; private set; }
    /// <summary>The list's filters, page and order (docs/decisions/0055).</summary>
    public OnSiteFilter Filter { get; private set; } = new();
    public ListQuery List { get; private set; } = new();
    public ListView? Paging { get; private set; }
    /// <summary>The rows of the page shown.</summary>
    public IReadOnlyList<OnSiteListItem> Rows { get; private set; } = [];
    /// <summary>Every shortlisted application of the cycle (the stage's gate counts them all, not the page).</summary>
    public int Shortlisted { get; private set; }
    [BindProperty] public List<Applications.Gates.LeftOutRow> LeftOut { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public AwardCategory? Category { get; set; }
    public IReadOnlyList<Applications.Gates.UnfinishedApplication> Unfinished { get; private set; } = [];
    public Applications.Gates.LeftOutFields Gate => new(Unfinished, "结束现场评审阶段");
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The confirmation asked before closing the stage.</summary>
    public string CloseConfirm => $"将结束现场评审阶段：{Shortlisted - Unfinished.Count} 个入围组织的现场评审报告已确认" +
        (Unfinished.Count > 0 ? $"，另有 {Unfinished.Count} 个将被留出（须逐项填写原因）" : "") + "。结束后不能再建立现场评审记录，确定吗？";

    public async Task OnGetAsync(OnSiteFilter filter, ListQuery list, CancellationToken ct)
    {
        (Filter, List) = (filter, list);
        foreach (var (field, messages) in filter.Errors()) ModelState.AddModelError(field, messages[0]);
        await LoadAsync(ct);
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostPrepareAsync(CancellationToken ct)
    {
        if (CycleId is not { } id) throw new Infrastructure.Errors.DomainRuleException("请先选择年度活动。");
        var result = await workflow.PrepareAsync(id, ct);
        var notes = new List<string> { $"新建现场评审记录 {result.Created} 项" };
        if (result.WithoutTeam.Count > 0) notes.Add($"{result.WithoutTeam.Count} 项尚未组建现场评审专家组");
        if (result.WithoutConsensus.Count > 0) notes.Add($"{result.WithoutConsensus.Count} 项没有已确认的资料评审一致性结果");
        Flash = string.Join("；", notes) + "。";
        return RedirectToPage(new { cycleId = id });
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (CycleId is not { } id) throw new Infrastructure.Errors.DomainRuleException("请先选择年度活动。");
        var passage = await stage.CloseAsync(id, User.UserId(), Applications.Gates.LeftOutRow.Reasons(LeftOut), ct);
        Flash = "现场评审阶段已结束" + (passage.LeftOut.Count > 0 ? $"，留出 {passage.LeftOut.Count} 项申报（原因已记入工作报告）" : "") + "。";
        return RedirectToPage(new { cycleId = id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (CycleId is not { } id || Category is not { } category) throw new Infrastructure.Errors.DomainRuleException("请先选择年度活动和类别。");
        var n = await stage.WithdrawVisitsAsync(id, category, Reason, ct);
        Flash = $"已撤回{Cycle.CategoryDisplay(category)} {n} 项现场评审安排，现在可以撤销入围名单的确定。";
        return RedirectToPage(new { cycleId = id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        CycleId ??= Cycles.FirstOrDefault(c => c.Status == CycleStatus.Open)?.Id ?? Cycles.FirstOrDefault()?.Id;
        Cycle = Cycles.FirstOrDefault(c => c.Id == CycleId);
        if (Cycle is null) return;
        var selected = await ShortlistQueries.SelectedAsync(db, Cycle.Id, ct);
        Shortlisted = selected.Count;
        var page = await OnSiteList.PageAsync(db, Cycle.Id, selected, ModelState.IsValid ? Filter : new OnSiteFilter(), List, ct);
        Rows = page.Items;
        var routes = Filter.RouteValues();
        routes["cycleId"] = Cycle.Id.ToString();
        Paging = ListView.Of(page, OnSiteList.Sorts, List, routes);
        ClosedAt = await stage.ClosedAtAsync(Cycle.Id, ct);
        if (ClosedAt is null && Shortlisted > 0) Unfinished = await stage.UnfinishedAsync(Cycle.Id, ct);
    }
}
