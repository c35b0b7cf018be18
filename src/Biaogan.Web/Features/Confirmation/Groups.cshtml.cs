using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>
/// 确认组 of a round: the office has the engine propose groups, adjusts them (each added reviewer checked against the
/// conflict rules), applies them, and may record why a benchmark goes to the leading group without an opinion. The leading
/// group reads the groups and their opinions. Organisations and reviewers never reach it.
/// </summary>
[Authorize(Policy = Policies.SupervisionStaff)]
public sealed class GroupsModel(AppDbContext db, ConfirmationGroups groups, GroupCandidates candidates) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Guid EntryId { get; set; }
    [BindProperty] public Guid? ReviewerId { get; set; }
    [BindProperty] public bool Leader { get; set; }
    [BindProperty] public Guid SeatId { get; set; }
    [BindProperty] public int EntryVersion { get; set; }
    [BindProperty, StringLength(1000), Display(Name = "理由")] public string? Reason { get; set; }

    public GroupsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public Task<IActionResult> OnPostProposeAsync(CancellationToken ct) =>
        Office(async () => $"已为 {await groups.ProposeAsync(Id, ct)} 个标杆生成确认组建议。请检查后点击“确定组成并通知评审员”。");

    public Task<IActionResult> OnPostApplyAsync(CancellationToken ct) =>
        Office(async () => $"已通知 {await groups.ApplyAsync(Id, ct)} 位评审员，并安排意见截止前的提醒。");

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => Office(async () =>
    {
        if (ReviewerId is not { } r)
        {
            ModelState.AddModelError(nameof(ReviewerId), "请选择要加入确认组的评审员。");
            return null;
        }
        var seat = await groups.AddAsync(EntryId, r, Leader, ct);
        return seat is null ? null : $"已将 {seat.ReviewerName} 加入确认组（尚未通知）。";
    });

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        Office(async () => await groups.RemoveAsync(SeatId, Reason, ct) is { } s ? $"{s.ReviewerName} 已移出确认组。" : null);

    public Task<IActionResult> OnPostLeaderAsync(CancellationToken ct) =>
        Office(async () => await groups.LeaderAsync(SeatId, ct) is { } s ? $"已指定 {s.ReviewerName} 为组长。" : null);

    public Task<IActionResult> OnPostWithoutAsync(CancellationToken ct) =>
        Office(async () => await groups.ProceedWithoutAsync(EntryId, EntryVersion, Reason, ct) is { } e
            ? $"已记录理由：{e.OrganizationName}可不经确认组意见提交领导小组审议。" : null);

    private async Task<IActionResult> Office(Func<Task<string?>> act)
    {
        if (!User.IsOffice()) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        var done = await act();
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (done is null) return NotFound();
        Flash = done;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        View = (await GroupViews.RoundAsync(db, candidates, groups.GroupSize, Id, ct))!;
        return View is not null;
    }
}
