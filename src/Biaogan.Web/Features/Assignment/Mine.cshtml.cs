using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Assignment;

/// <summary>我的评审任务 — the reviewer's own seats, the next step of each, and declining with a reason.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class MineModel(ReviewerTasks tasks) : AppPageModel
{
    [BindProperty] public Guid MemberId { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<ReviewerTask> Tasks { get; private set; } = [];

    private string UserId => User.UserId();

    public async Task OnGetAsync(CancellationToken ct) => Tasks = await tasks.MineAsync(UserId, ct);

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken ct)
    {
        var member = await tasks.DeclineAsync(UserId, MemberId, Version, Reason, ct);
        if (member is null) return NotFound();
        Flash = "已谢绝该评审任务，活动办公室会另行安排。";
        return RedirectToPage();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        Tasks = await tasks.MineAsync(UserId, HttpContext.RequestAborted);
        return Page();
    }
}
