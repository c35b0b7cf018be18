using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// 编辑档案: the office edits contact details and background of any profile; a reviewer edits the background of
/// their own (education, expertise, region, 优先 facts) but not the contact e-mail or anything about their status.
/// </summary>
[Authorize(Policy = Policies.ReviewerProfileEditor)]
public sealed class EditModel(AppDbContext db, ReviewerWorkflow reviewers, TimeProvider clock) : ProfilePageModel(db)
{
    [BindProperty] public BackgroundInput Background { get; set; } = new();
    public ContactInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    /// <summary>Only the office changes name, e-mail and phone.</summary>
    public bool EditsContact => User.IsOffice() && !IsOwnView;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Background = BackgroundInput.From(Profile);
        Input = ContactInput.From(Profile);
        Version = Profile.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Profile.EnsureEditable();
        if (EditsContact) await TryUpdateModelAsync(Input, nameof(Input));
        if (!ModelState.IsValid) return Page();
        if (EditsContact)
        {
            var email = ReviewerProfile.NormalizeEmail(Input.Email);
            if (await reviewers.EmailInUseAsync(email, Profile.Id, ct))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", $"电子邮箱 {email} 已用于另一份评审员档案，请核对。");
                return Page();
            }
        }
        await reviewers.ChangeAsync(Profile, Version, p =>
        {
            if (EditsContact) p.UpdateContact(Input.Name, Input.Email, Input.Phone ?? "");
            p.UpdateBackground(Background.ToBackground(), clock.Today().Year);
        }, ct);
        Flash = "档案已保存。";
        return Back();
    }

    public override Task<IActionResult> RedisplayAsync() => Task.FromResult<IActionResult>(Page());
}
