using Microsoft.AspNetCore.Authorization;
using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Accounts;

/// <summary>Sends the confirmation e-mail again. The answer is the same whether or not the address is known.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class ResendConfirmationModel(AccountRecovery recovery) : AppPageModel
{
    public sealed class InputModel
    {
        [Display(Name = "电子邮箱")]
        [Required(ErrorMessage = "请填写注册时使用的电子邮箱。")]
        [EmailAddress(ErrorMessage = "电子邮箱格式不正确，例如 name@example.com。")]
        public string Email { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(string? email) => Input.Email = email ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await recovery.ResendConfirmationAsync(Input.Email, ct);
        Sent = true;
        return Page();
    }
}
