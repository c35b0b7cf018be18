using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Jobs;

/// <summary>/Jobs — 后台任务: what is due, running, failed and done, filtered and paged; 重试 for a failed item.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, WorkList list, WorkSignal signal, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "state")] public WorkState? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public WorkPage Work { get; private set; } = new([], 0, 1, 1, new Dictionary<WorkState, int>(), new Dictionary<string, string>());

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A state or page typed wrongly into the address shows the whole list rather than an error.
        if (ModelState["state"]?.ValidationState == ModelValidationState.Invalid) State = null;
        if (ModelState["p"]?.ValidationState == ModelValidationState.Invalid) PageNumber = 1;
        Work = await list.LoadAsync(State, Kind, PageNumber, ct);
    }

    /// <summary>重试: the failed item goes back to 待执行 with a fresh set of attempts, and this node looks for it at once.</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        var work = await db.Set<ScheduledWork>().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (work is null) return NotFound();
        work.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        signal.Wake();
        var titles = await list.TitlesAsync(ct);
        Flash = $"已将后台任务“{titles.GetValueOrDefault(work.Kind, work.Kind)}（{work.Key}）”重新加入执行队列，稍后刷新本页查看结果。";
        return RedirectToPage(new { state = WorkState.Failed });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        (State, Kind, PageNumber) = (WorkState.Failed, null, 1);
        await OnGetAsync(HttpContext.RequestAborted);
        return Page();
    }

    public Dictionary<string, string?> Route(WorkState? state, string? kind, int page) => new()
    {
        ["state"] = state?.ToString(), ["kind"] = string.IsNullOrEmpty(kind) ? null : kind, ["p"] = page == 1 ? null : page.ToString(),
    };

    public string Title(string kind) => Work.Titles.GetValueOrDefault(kind, kind);
}
