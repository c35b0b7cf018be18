using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Assignment.Plans;

/// <summary>
/// 手工调整 — one edit at a time (调入、调出、调到另一组、互换、指定组长); each makes a new draft plan whose broken rules are
/// listed on this page before the office goes on to apply it.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class EditModel(AssignmentPlans plans) : PlanPageModel(plans)
{
    [BindProperty] public EditKind Kind { get; set; } = EditKind.Add;
    [BindProperty] public Guid? ApplicationId { get; set; }
    [BindProperty] public Guid? ReviewerId { get; set; }
    [BindProperty] public Guid? OtherApplicationId { get; set; }
    [BindProperty] public Guid? OtherReviewerId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Plan.Status == PlanStatus.Draft ? Page() : Redirect($"/Assignment/Plans/{Id}");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ApplicationId is not { } app) ModelState.AddModelError(nameof(ApplicationId), "请选择专家组（申报组织）。");
        if (ReviewerId is not { } reviewer) ModelState.AddModelError(nameof(ReviewerId), "请选择评审员。");
        if (!ModelState.IsValid) return await RedisplayAsync();
        var next = await Plans.EditAsync(Id, Version, new PlanEdit(Kind, ApplicationId!.Value, ReviewerId!.Value, OtherApplicationId, OtherReviewerId), ct);
        Flash = next.Summary + "。已生成新的方案草稿，请查看下方违反的规则。";
        return Redirect($"/Assignment/Plans/{next.Id}/Edit");
    }

    public static string Display(EditKind k) => k switch
    {
        EditKind.Add => "调入：把评审员加入专家组",
        EditKind.Remove => "调出：把评审员移出专家组",
        EditKind.Move => "调到另一专家组",
        EditKind.Swap => "与另一专家组的评审员互换",
        _ => "指定为组长",
    };
}
