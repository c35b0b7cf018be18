using Microsoft.AspNetCore.Authorization;
using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Accounts;

/// <summary>The second step for users with an authenticator: a 6-digit TOTP code or one recovery code.</summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider clock) : AppPageModel
{
    public sealed class InputModel
    {
        [Display(Name = "验证码")]
        [Required(ErrorMessage = "请输入身份验证器上显示的6位验证码，或一个恢复码。")]
        [StringLength(20, ErrorMessage = "验证码过长，请核对。")]
        public string Code { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Expired();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Expired();
        if (!ModelState.IsValid) return Page();

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var isTotp = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = isTotp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(code));
        if (result.Succeeded)
        {
            if (!isTotp)
                Flash = $"您使用恢复码登录，还剩 {await users.CountRecoveryCodesAsync(user)} 个恢复码。如身份验证器已丢失，请在“账号设置”中重新生成恢复码并重新绑定。";
            return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, LoginModel.LockedOutMessage(user, clock.GetUtcNow()));
            return Page();
        }
        if (isTotp && await ClockedAuthenticatorTokenProvider.WasUsedAsync(users, user, code, clock.GetUtcNow()))
        {
            ModelState.AddModelError(string.Empty, "该验证码已经使用过，每个验证码只能使用一次。请等待身份验证器显示新的6位数字后再输入。");
            return Page();
        }
        ModelState.AddModelError(string.Empty, isTotp
            ? "验证码不正确或已过期。请输入身份验证器上当前显示的6位数字；如手机时间不准，请校准后再试。"
            : "恢复码不正确或已经使用过。每个恢复码只能使用一次，请核对后重试。");
        return Page();
    }

    /// <summary>Recovery codes are shown as XXXXX-XXXXX; accept them typed without the hyphen or in lower case.</summary>
    private static string RecoveryCode(string code)
    {
        var upper = code.ToUpperInvariant();
        return upper.Length == 10 && !upper.Contains('-') ? upper[..5] + "-" + upper[5..] : upper;
    }

    private RedirectToPageResult Expired()
    {
        Flash = "登录步骤已超时，请重新输入电子邮箱和密码。";
        return RedirectToPage("/Accounts/Login", new { returnUrl = ReturnUrl });
    }
}
