using Microsoft.AspNetCore.Authorization;
using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Biaogan.Web.Features.Accounts;

/// <summary>登录: e-mail and password; staff continue to <c>/Account/LoginWith2fa</c>.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, UnknownAccountLockout unknown, TimeProvider clock) : AppPageModel
{
    public sealed class InputModel
    {
        [Display(Name = "电子邮箱")]
        [Required(ErrorMessage = "请填写电子邮箱。")]
        public string Email { get; set; } = "";

        [Display(Name = "密码")]
        [Required(ErrorMessage = "请填写密码。")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "记住我")]
        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when the password was right but the e-mail address is not yet confirmed.</summary>
    public bool OfferResend { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var returnUrl = SafeReturnUrl(Url, ReturnUrl);
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        // No account, or a disabled one and a wrong password: answered exactly like a wrong password of a
        // real account, including its lockout, so the answers do not tell which addresses are registered.
        if (user is null || AccountStatus.IsDisabled(user, clock.GetUtcNow()) && !await users.CheckPasswordAsync(user, Input.Password))
            return Fail(await unknown.FailAsync(Input.Email, HttpContext.RequestAborted) is { } until ? LockedUntilMessage(until) : WrongCredentials);

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(returnUrl);
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Accounts/LoginWith2fa", new { returnUrl, rememberMe = Input.RememberMe });
        if (result.IsLockedOut) return Fail(LockedOutMessage(user, clock.GetUtcNow()));
        if (result.IsNotAllowed && !user.EmailConfirmed && await users.CheckPasswordAsync(user, Input.Password))
        {
            OfferResend = true;
            return Fail("您的电子邮箱尚未确认，暂时不能登录。请打开注册后收到的确认邮件中的链接；如未收到，可点击下方“重新发送确认邮件”。");
        }
        return Fail(WrongCredentials);
    }

    private const string WrongCredentials = "电子邮箱或密码不正确。连续输错 5 次，账号将被锁定 15 分钟。";

    private IActionResult Fail(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    public static string LockedOutMessage(AppUser user, DateTimeOffset now)
    {
        if (AccountStatus.IsDisabled(user, now)) return "您的账号已被停用，暂时不能登录。如有疑问，请联系活动办公室。";
        return LockedUntilMessage(user.LockoutEnd);
    }

    private static string LockedUntilMessage(DateTimeOffset? end) =>
        $"由于连续多次输错密码，账号已被暂时锁定，将于北京时间 {(end is { } e ? ChinaTime.Format(e) : "15 分钟后")} 自动解锁，请届时再试。如忘记密码，可使用“找回密码”。";

    /// <summary>
    /// Only local paths by the framework's own rule (IsLocalUrl: no “//”, “/\\”, control characters such as
    /// a TAB that browsers drop), so a crafted link cannot send the person to another site after login.
    /// </summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
