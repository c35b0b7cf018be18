using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Accounts;

/// <summary>邀请人员: staff, reviewers and committee members join by invitation only (Roles.Invited).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class InviteModel(UserAdministration administration) : AppPageModel
{
    public sealed class InputModel
    {
        [Display(Name = "姓名")]
        [Required(ErrorMessage = "请填写被邀请人的姓名。")]
        [StringLength(50, ErrorMessage = "姓名不能超过50个字。")]
        public string Name { get; set; } = "";

        [Display(Name = "电子邮箱")]
        [Required(ErrorMessage = "请填写被邀请人的电子邮箱。")]
        [EmailAddress(ErrorMessage = "电子邮箱格式不正确，例如 name@example.com。")]
        [StringLength(256, ErrorMessage = "电子邮箱不能超过256个字符。")]
        public string Email { get; set; } = "";

        public List<string> Roles { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Only an administrator may invite administrators or office staff.</summary>
    public IReadOnlyList<string> InvitableRoles => UserAdministration.GrantableRoles(User);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var chosen = Input.Roles.Distinct().ToList();
        if (chosen.Count == 0) ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Roles)}", "请至少选择一个角色。");
        if (!ModelState.IsValid) return Page();
        var user = await administration.InviteAsync(User, Input.Name, Input.Email, chosen, ct);
        var display = string.Join("、", chosen.Select(Roles.Display));
        Flash = $"已向 {user.Email} 发送邀请（{display}），邀请链接 7 天内有效。";
        return RedirectToPage("/Accounts/Users");
    }
}
