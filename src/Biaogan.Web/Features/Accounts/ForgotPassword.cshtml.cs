using Microsoft.AspNetCore.Authorization;
using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Biaogan.Web.Features.Accounts;

/// <summary>找回密码: mails a reset link to a confirmed address; the answer never reveals whether it exists.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class ForgotPasswordModel(AccountRecovery recovery) : AppPageModel
{
    public sealed class InputModel
    {
        [Display(Name = "电子邮箱")]
        [Required(ErrorMessage = "请填写登录使用的电子邮箱。")]
        [EmailAddress(ErrorMessage = "电子邮箱格式不正确，例如 name@example.com。")]
        public string Email { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await recovery.SendPasswordResetAsync(Input.Email, ct);
        Sent = true;
        return Page();
    }
}
