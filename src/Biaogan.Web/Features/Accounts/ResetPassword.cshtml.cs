using Microsoft.AspNetCore.Authorization;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Accounts;

/// <summary>The link in the reset e-mail: sets a new password. Proving the address also lifts a temporary lockout.</summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<AppUser> users, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool LinkBroken { get; private set; }

    public void OnGet() => LinkBroken = UserId is null || PublicLinks.DecodeToken(Code) is null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        var token = PublicLinks.DecodeToken(Code);
        if (user is null || token is null)
        {
            LinkBroken = true;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors.Select(e => e.Description).Distinct()) ModelState.AddModelError(string.Empty, e);
            return Page();
        }
        if (!AccountStatus.IsDisabled(user, clock.GetUtcNow()))
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
        Flash = "密码已重置，请使用新密码登录。";
        return RedirectToPage("/Accounts/Login");
    }
}
