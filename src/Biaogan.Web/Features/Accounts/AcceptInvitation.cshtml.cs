using Microsoft.AspNetCore.Authorization;
using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Accounts;

/// <summary>The link in an invitation: the person sets name and password; the account is then active.</summary>
[AllowAnonymous]
public sealed class AcceptInvitationModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Invitations invitations) : AppPageModel
{
    public sealed class InputModel
    {
        [Display(Name = "姓名")]
        [Required(ErrorMessage = "请填写您的姓名。")]
        [StringLength(50, ErrorMessage = "姓名不能超过50个字。")]
        public string Name { get; set; } = "";
    }

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public NewPasswordInput Password { get; set; } = new();

    public string? Email { get; private set; }
    public IList<string> RoleNames { get; private set; } = [];

    /// <summary>Why the link cannot be used, or null.</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync()
    {
        if (await LoadAsync() is { } user) Input.Name = user.DisplayName;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LoadAsync();
        if (user is null || !ModelState.IsValid) return Page();
        var result = await invitations.AcceptAsync(user, PublicLinks.DecodeToken(Code)!, Input.Name, Password.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors.Select(e => e.Description).Distinct()) ModelState.AddModelError(string.Empty, e);
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        Flash = "账号已激活，欢迎使用。";
        return LocalRedirect("/");
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        var token = PublicLinks.DecodeToken(Code);
        if (user is not null && !Invitations.IsPending(user))
        {
            Problem = "该邀请已经接受，账号已激活，请直接登录。忘记密码可使用“找回密码”。";
            return null;
        }
        if (user is null || token is null || !await invitations.IsValidAsync(user, token))
        {
            Problem = "邀请链接无效或已过期（有效期 7 天）。请联系邀请您的人重新发送邀请。";
            return null;
        }
        Email = user.Email;
        RoleNames = (await users.GetRolesAsync(user)).Select(Roles.Display).ToList();
        return user;
    }
}
