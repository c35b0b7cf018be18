using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Assignment.Plans;

/// <summary>方案预览: every broken rule, the figures, the difference from the groups in force; apply, discard, download.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class DetailsModel(AssignmentPlans plans) : PlanPageModel(plans)
{
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var bytes = PlanSpreadsheet.Write(Input, Groups);
        return File(bytes, PlanSpreadsheet.ContentType, $"专家组分配方案-{Input.Cycle.Year}-{Plan.Stage.Display()}-{Infrastructure.Time.ChinaTime.Now(HttpContext.RequestServices.GetRequiredService<TimeProvider>()):yyyyMMddHHmm}.xlsx");
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        var review = await Plans.ApplyAsync(Id, Version, Reason, ct);
        Flash = $"方案已执行：新增 {review.SeatsAdded} 个席位，撤出 {review.SeatsRemoved} 个席位，已通知相关评审员。";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        await Plans.DiscardAsync(Id, Version, ct);
        Flash = "方案已放弃。";
        return RedirectToPage(new { Id });
    }
}
