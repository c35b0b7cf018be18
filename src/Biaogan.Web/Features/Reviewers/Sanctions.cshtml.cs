using Biaogan.Web.Features.Accounts;
using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// 评审纪律 (第二十八条): the office or leading group records 批评, 警告 or 撤销评审员资格 with reason and date,
/// and suspends or reinstates a reviewer.
/// </summary>
[Authorize(Policy = Policies.ReviewerPoolStaff)]
public sealed class SanctionsModel(AppDbContext db, ReviewerAccounts accounts, ReviewerWorkflow reviewers, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    public sealed class SanctionInput
    {
        [Required(ErrorMessage = "请选择处分种类。")] public SanctionKind? Kind { get; set; }
        [Required(ErrorMessage = "请填写处分决定日期。")] public DateOnly? DecidedOn { get; set; }
        [StringLength(2000, ErrorMessage = "理由不能超过2000个字。")] public string? Reason { get; set; }
    }

    [BindProperty] public SanctionInput Input { get; set; } = new();
    [BindProperty] public string? SuspensionReason { get; set; }
    [BindProperty] public int Version { get; set; }

    public ReviewerCard Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var profile = await ReviewerPool.FindAsync(db, id, ct);
        if (profile is null) return NotFound();
        await LoadAsync(profile, ct);
        Input.DecidedOn = Card.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var profile = await StartAsync(id, ct);
        if (!ModelState.IsValid) return await RedisplayAsync();
        var s = await reviewers.SanctionAsync(profile, Version, Input.Kind!.Value, Input.DecidedOn!.Value, Input.Reason, actor.Name, ct);
        Flash = s.Kind == SanctionKind.Revocation
            ? $"已撤销 {profile.Name} 的评审员资格；其尚未完成的专家组席位已结束，请在待办中补充评审员。"
            : $"已记录对 {profile.Name} 的{s.Kind.Display()}处分。";
        return RedirectToPage("/Reviewers/Details", new { id });
    }

    public async Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken ct)
    {
        // Only the reason belongs to this form; the sanction form's rules do not apply here.
        ModelState.Clear();
        var profile = await StartAsync(id, ct);
        await reviewers.SuspendAsync(profile, Version, SuspensionReason, ct);
        Flash = $"已暂停 {profile.Name} 的评审员资格，暂停期间不会安排评审任务；其尚未完成的专家组席位已结束，请在待办中补充评审员。";
        return RedirectToPage("/Reviewers/Details", new { id });
    }

    public async Task<IActionResult> OnPostReinstateAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var profile = await StartAsync(id, ct);
        await reviewers.ChangeAsync(profile, Version, p => p.Reinstate(), ct);
        Flash = $"已恢复 {profile.Name} 的评审员资格。";
        return RedirectToPage("/Reviewers/Details", new { id });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var id = Guid.Parse(RouteData.Values["id"]!.ToString()!);
        db.ChangeTracker.Clear();
        var profile = await ReviewerPool.FindAsync(db, id, HttpContext.RequestAborted)
            ?? throw new DomainRuleException("该人员的档案不存在，请返回评审员库。");
        await LoadAsync(profile, HttpContext.RequestAborted);
        return Page();
    }

    private async Task<ReviewerProfile> StartAsync(Guid id, CancellationToken ct)
    {
        var profile = await ReviewerPool.FindAsync(db, id, ct)
            ?? throw new DomainRuleException("该人员的档案不存在，请返回评审员库。");
        return profile;
    }

    private async Task LoadAsync(ReviewerProfile profile, CancellationToken ct)
    {
        Card = await ReviewerCard.LoadAsync(db, accounts, profile, clock, ct);
        Version = profile.Version;
    }
}
