using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// 利益冲突确认 — the office's queue: filters, 排查 (scan) of a cycle, confirm (the pair's seats end) or dismiss with a reason.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, ConflictDecisions decisions, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }
    [BindProperty(SupportsGet = true)] public ConflictStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ConflictSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ApplicationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    [BindProperty] public Guid CaseId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public IReadOnlyList<ConflictRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<ConflictStatus, int> Counts { get; private set; } = new Dictionary<ConflictStatus, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (CycleId is null && Request.Query.Count == 0) CycleId = (await CycleQueries.CurrentOpenAsync(db, ct))?.Id;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostScanAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var cycleId = CycleId ?? (await CycleQueries.CurrentOpenAsync(db, ct))?.Id;
        if (cycleId is null)
        {
            ModelState.AddModelError("", "请先选择要排查的年度活动。");
            return await RedisplayAsync();
        }
        var r = await ConflictScan.RunAsync(db, cycleId.Value, clock, ct);
        Flash = $"已排查 {r.Applications} 份申报 × {r.Reviewers} 名已聘评审员（{r.PairsEvaluated:N0} 个组合），" +
                (r.Added == 0 ? "没有新的利益冲突。" : $"新发现 {r.Added} 条，已列入待确认。");
        return RedirectToPage(new { CycleId = cycleId, Status = ConflictStatus.Pending });
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var c = await decisions.FindAsync(CaseId, Version, ct);
        var ended = await decisions.ConfirmAsync(c, actor.Name, Reason, ct);
        Flash = ended == 0 ? "已确认该利益冲突，今后不会把该评审员分配给该申报。"
            : $"已确认该利益冲突，并将该评审员撤出该申报的 {ended} 个专家组席位，请补充安排评审员。";
        return RedirectToPage(Filters());
    }

    public async Task<IActionResult> OnPostDismissAsync(CancellationToken ct)
    {
        var c = await decisions.FindAsync(CaseId, Version, ct);
        await decisions.DismissAsync(c, actor.Name, Reason ?? "", ct);
        Flash = "已排除该误报，理由已记入审计日志；相同情况今后排查时不再提示。";
        return RedirectToPage(Filters());
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private object Filters() => new { CycleId, Status, Source, ApplicationId, Search };

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        Rows = await ConflictQueue.LoadAsync(db, new ConflictFilter(CycleId, Status, Source, ApplicationId, Search: Search), ct);
        Counts = await ConflictQueue.CountsAsync(db, CycleId, ct);
    }
}
