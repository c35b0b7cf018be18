using Microsoft.AspNetCore.Authorization;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Organizations;

/// <summary>
/// Self-registration of a 申报组织 (one account per 统一社会信用代码) or, with ?kind=recommender, of a
/// 推荐单位 (pending until the office approves it). The person's e-mail must be confirmed before login.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.Registration)]
public sealed class RegisterModel(AppDbContext db, UserManager<AppUser> users, IAccountMail mail, AccountAudit audit,
    CurrentActor actor, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public bool IsRecommender => string.Equals(Kind, "recommender", StringComparison.OrdinalIgnoreCase);

    [BindProperty]
    public PersonInput Person { get; set; } = new();

    public OrganizationForm Org { get; set; } = new();

    public RecommendingBodyForm Body { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (IsRecommender) await TryUpdateModelAsync(Body, nameof(Body));
        else await TryUpdateModelAsync(Org, nameof(Org));
        if (!ModelState.IsValid) return Page();
        return IsRecommender ? await RegisterBodyAsync(ct) : await RegisterOrganizationAsync(ct);
    }

    private async Task<IActionResult> RegisterOrganizationAsync(CancellationToken ct)
    {
        var code = Uscc.Normalize(Org.Uscc);
        if (await db.Set<Organization>().AnyAsync(o => o.Uscc == code, ct))
            return Refuse($"{nameof(Org)}.{nameof(Org.Uscc)}", DuplicateCodeMessage(code));
        var org = new Organization { CreatedAt = clock.GetUtcNow() };
        Org.ApplyTo(org);
        var user = NewUser();
        user.OrganizationId = org.Id;
        return await CreateAsync(user, org, Roles.Applicant, org.Name, ct);
    }

    private async Task<IActionResult> RegisterBodyAsync(CancellationToken ct)
    {
        var name = Body.Name.Trim();
        if (await db.Set<RecommendingBody>().AnyAsync(b => b.Name == name && b.Status != RecommendingBodyStatus.Rejected, ct))
            return Refuse($"{nameof(Body)}.{nameof(Body.Name)}",
                $"推荐单位“{name}”已经注册。每个单位只注册一个账号，请联系贵单位已注册的同事，在“本单位信息”页面邀请您加入。");
        var body = Body.ToEntity(clock.GetUtcNow());
        var user = NewUser();
        user.RecommendingBodyId = body.Id;
        return await CreateAsync(user, body, Roles.Recommender, body.Name, ct);
    }

    /// <summary>Creates the user first (Notifier writes to users), then the unit, role, audit and mail in one transaction.</summary>
    private async Task<IActionResult> CreateAsync(AppUser user, object unit, string role, string unitName, CancellationToken ct)
    {
        actor.ActAs(user.Id, user.DisplayName);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var created = await users.CreateAsync(user, Person.Password);
            if (!created.Succeeded)
            {
                foreach (var e in created.Errors.Select(e => e.Description).Distinct()) ModelState.AddModelError(string.Empty, e);
                return Page();
            }
            db.Add(unit);
            audit.Record(user, $"注册账号并授予角色：{Roles.Display(role)}");
            var granted = await users.AddToRoleAsync(user, role);
            if (!granted.Succeeded) throw new InvalidOperationException(string.Join(" ", granted.Errors.Select(e => e.Description)));
            await mail.SendConfirmationAsync(user, unitName, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (unit is Organization org)
        {
            // Someone registered the same code a moment earlier: the unique index refused ours.
            await tx.RollbackAsync(ct);
            return Refuse($"{nameof(Org)}.{nameof(Org.Uscc)}", DuplicateCodeMessage(org.Uscc));
        }
        return RedirectToPage("/Accounts/CheckEmail", new { email = user.Email });
    }

    private AppUser NewUser() => new()
    {
        UserName = Person.Email.Trim(), Email = Person.Email.Trim(), DisplayName = Person.Name.Trim(), CreatedAt = clock.GetUtcNow(),
    };

    private IActionResult Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return Page();
    }

    public static string DuplicateCodeMessage(string code) =>
        $"统一社会信用代码 {code} 已经注册过账号。每个组织只能注册一个账号，请联系贵组织已注册的同事，在“组织信息”页面邀请您加入。";
}
