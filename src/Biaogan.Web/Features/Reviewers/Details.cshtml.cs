using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// 评审员档案 for the office, administrator and leading group: the profile, 第十一条 item by item, standing and
/// history. The office invites the account, records its judgement of items (一) and (五), and 提请 the leading group.
/// </summary>
[Authorize(Policy = Policies.ReviewerPoolStaff)]
public sealed class DetailsModel(AppDbContext db, ReviewerAccounts accounts, ReviewerWorkflow reviewers, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    public sealed class JudgementInput
    {
        public EligibilityCondition Condition { get; set; }
        [Required(ErrorMessage = "请选择符合或不符合。")]
        public bool? Met { get; set; }
        [Display(Name = "判定说明")]
        [StringLength(1000, ErrorMessage = "判定说明不能超过1000个字。")]
        public string? Note { get; set; }
    }

    [BindProperty] public JudgementInput Judgement { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? NominationNote { get; set; }

    public ReviewerCard Card { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public bool IsOffice => User.IsOffice();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var profile = await ReviewerPool.FindAsync(db, id, ct);
        if (profile is null) return NotFound();
        await LoadAsync(profile, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await StartAsync(id, ct) is not { } profile) return IsOffice ? NotFound() : Forbid();
        var (user, invited) = await reviewers.ChangeWithAsync(profile, Version, p => accounts.InviteOrLinkAsync(p, ct), ct);
        Flash = invited
            ? $"已向 {user.Email} 发送评审员账号邀请，对方 7 天内打开邮件中的链接设置密码即可登录。"
            : $"已关联 {user.Email} 的现有评审员账号。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostJudgeAsync(Guid id, CancellationToken ct)
    {
        if (await StartAsync(id, ct) is not { } profile) return IsOffice ? NotFound() : Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        await reviewers.ChangeAsync(profile, Version,
            p => p.RecordJudgement(Judgement.Condition, Judgement.Met!.Value, Judgement.Note ?? "", actor.Name, clock.GetUtcNow()), ct);
        Flash = $"已记录对{ReviewerEligibility.Title(Judgement.Condition)}的判定。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostNominateAsync(Guid id, CancellationToken ct)
    {
        // Only the note belongs to this form; the judgement form's rules do not apply here.
        ModelState.Clear();
        if (await StartAsync(id, ct) is not { } profile) return IsOffice ? NotFound() : Forbid();
        var settings = await ReviewerPool.SettingsAsync(db, ct);
        await reviewers.ChangeAsync(profile, Version, p => p.Nominate(settings.For(clock.Today()), actor.Name, NominationNote, clock.GetUtcNow()), ct);
        Flash = $"已提请领导小组审议聘用 {profile.Name}。";
        return RedirectToPage(new { id });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var id = Guid.Parse(RouteData.Values["id"]!.ToString()!);
        db.ChangeTracker.Clear();
        var profile = await ReviewerPool.FindAsync(db, id, HttpContext.RequestAborted);
        if (profile is null) return NotFound();
        await LoadAsync(profile, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The profile for an office action (the workflow checks the version the page showed); null when not allowed.</summary>
    private async Task<ReviewerProfile?> StartAsync(Guid id, CancellationToken ct)
    {
        if (!IsOffice) return null;
        var profile = await ReviewerPool.FindAsync(db, id, ct);
        return profile;
    }

    private async Task LoadAsync(ReviewerProfile profile, CancellationToken ct)
    {
        Card = await ReviewerCard.LoadAsync(db, accounts, profile, clock, ct);
        History = await ReviewerHistory.OfAsync(db, profile.Id, ct);
        Version = profile.Version;
    }
}
