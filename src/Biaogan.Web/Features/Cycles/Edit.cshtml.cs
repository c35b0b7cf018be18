using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Cycles;

/// <summary>One 年度活动: its settings (while not closed), and opening or closing it for applications.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class EditModel(AppDbContext db, CycleWorkflow workflow, WorkingDayCalendar calendar) : AppPageModel
{
    [BindProperty]
    public CycleInput Input { get; set; } = new();

    /// <summary>The cycle as stored (read-only view, stage names, status).</summary>
    public Cycle Cycle { get; private set; } = null!;

    public IReadOnlyList<CriteriaOutline> Standards => CriteriaCatalog.ChoicesFor(Input.StandardCode);

    /// <summary>第二十一条: the last day of the 公示期 from the saved start date and counting rule.</summary>
    public WorkdayResult? PublicNoticeEnd { get; private set; }

    /// <summary>Whether the posted form carried the settings (false for the open/close buttons).</summary>
    private bool _inputPosted = true;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = CycleInput.From(Cycle);
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var id = Guid.Parse(RouteData.Values["id"]!.ToString()!);
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, HttpContext.RequestAborted)) return NotFound();
        if (!_inputPosted) Input = CycleInput.From(Cycle);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var cycle = await db.Set<Cycle>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return NotFound();
        Cycle = cycle;
        cycle.EnsureEditable();
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (CriteriaCatalog.Find(Input.StandardCode ?? "") is null)
            throw new DomainRuleException("请从列表中选择评审标准。");
        await workflow.ReviseAsync(cycle, Input.Version, Input.ToRevision(), ct);
        Flash = cycle.QuotaAbovePrinciple
            ? $"已保存。注意：第五条规定标杆数量原则上每年不超过10个，本年度设置为 {cycle.Quota} 个。"
            : "已保存年度活动设置。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        var cycle = await StartStatusChangeAsync(id, ct);
        if (cycle is null) return NotFound();
        await workflow.OpenAsync(cycle, Input.Version, ct);
        Flash = $"“{cycle.Name}”已开启，开始接受申报。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        var cycle = await StartStatusChangeAsync(id, ct);
        if (cycle is null) return NotFound();
        await workflow.CloseAsync(cycle, Input.Version, ct);
        Flash = $"“{cycle.Name}”已结束，此后只能查看，不能修改。";
        return RedirectToPage(new { id });
    }

    private async Task<Cycle?> StartStatusChangeAsync(Guid id, CancellationToken ct)
    {
        _inputPosted = false;
        ModelState.Clear();
        var cycle = await db.Set<Cycle>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return null;
        Cycle = cycle;
        return cycle;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return false;
        Cycle = cycle;
        if (cycle.Stage(CycleStage.PublicNotice)?.StartDate is { } start)
            PublicNoticeEnd = await calendar.AddWorkdaysAsync(start, cycle.Settings.PublicNoticeWorkdays, cycle.Settings.PublicationDayCounts, ct);
        return true;
    }
}
