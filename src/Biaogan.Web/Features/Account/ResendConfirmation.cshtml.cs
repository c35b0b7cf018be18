using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Account;

/// <summary>Sends the confirmation e-mail again. The answer is the same whether or not the address is known.</summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class ResendConfirmationModel(UserManager<AppUser> users, AppDbContext db, AccountMail mail) : AppPageModel
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
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: false, PasswordHash: not null })
        {
            await mail.SendConfirmationAsync(user, await UnitNameAsync(user, ct), ct);
            await db.SaveChangesAsync(ct);
        }
        Sent = true;
        return Page();
    }

    private async Task<string> UnitNameAsync(AppUser user, CancellationToken ct)
    {
        if (user.OrganizationId is { } o)
            return await db.Set<Organization>().Where(x => x.Id == o).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "";
        if (user.RecommendingBodyId is { } b)
            return await db.Set<RecommendingBody>().Where(x => x.Id == b).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "";
        return user.DisplayName;
    }
}
