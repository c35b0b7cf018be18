using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>新增候选人: the office starts a profile for a person who may not have an account yet.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class CreateModel(ReviewerWorkflow reviewers) : AppPageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var email = ReviewerProfile.NormalizeEmail(Input.Email);
        if (await reviewers.EmailInUseAsync(email, null, ct))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", $"电子邮箱 {email} 已有评审员档案，请在评审员库中查找，不要重复建档。");
            return Page();
        }
        var profile = await reviewers.CreateAsync(Input.Name, Input.Email, Input.Phone ?? "", ct);
        Flash = $"已为 {profile.Name} 建立候选档案。请继续填写学历、培训记录和工作经历，核对第十一条资格条件。";
        return RedirectToPage("/Reviewers/Details", new { id = profile.Id });
    }
}
