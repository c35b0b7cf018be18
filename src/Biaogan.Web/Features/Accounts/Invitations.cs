using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// Invitations: the office invites staff, reviewers and committee members; a user of an organisation
/// or recommending body invites a colleague. The invited account has no password until the person
/// opens the link (valid 7 days), sets name and password, and thereby confirms the e-mail address.
/// </summary>
public sealed class Invitations(UserManager<AppUser> users, AppDbContext db, IAccountMail mail, AccountAudit audit,
    CurrentActor actor, TimeProvider clock)
{
    /// <summary>Identity token provider (and its data-protection purpose) dedicated to invitations.</summary>
    public const string TokenProvider = "Invitation";
    public const string Purpose = "AcceptInvitation";

    /// <param name="RoleDisplay">How the e-mail names the role (“评审员”, “某某公司的申报组织用户”).</param>
    public sealed record Request(string Email, string Name, IReadOnlyList<string> Roles, string RoleDisplay,
        Guid? OrganizationId = null, Guid? RecommendingBodyId = null);

    public async Task<AppUser> InviteAsync(Request request, CancellationToken ct = default)
    {
        var email = request.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
            throw new DomainRuleException($"电子邮箱 {email} 已有账号，无需邀请。如对方忘记密码，请其在登录页使用“找回密码”。");
        if (request.Roles.Count == 0) throw new DomainRuleException("请至少选择一个角色。");
        var user = new AppUser
        {
            UserName = email, Email = email, DisplayName = request.Name.Trim(), CreatedAt = clock.GetUtcNow(),
            OrganizationId = request.OrganizationId, RecommendingBodyId = request.RecommendingBodyId,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user));
        audit.Record(user, $"发出邀请（{request.RoleDisplay}）", after: email);
        foreach (var role in request.Roles) audit.Record(user, $"授予角色：{Accounts.Roles.Display(role)}");
        Check(await users.AddToRolesAsync(user, request.Roles));
        await mail.SendInvitationAsync(user, request.RoleDisplay, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    /// <summary>Sends a fresh link to someone who has not yet accepted.</summary>
    public async Task ResendAsync(AppUser user, CancellationToken ct = default)
    {
        if (!IsPending(user)) throw new DomainRuleException($"{user.DisplayName} 已经激活账号，无需重发邀请。");
        var roles = await users.GetRolesAsync(user);
        audit.Record(user, "重发邀请");
        await mail.SendInvitationAsync(user, string.Join("、", roles.Select(Accounts.Roles.Display)), ct);
        await db.SaveChangesAsync(ct);
    }

    public static bool IsPending(AppUser user) => user.PasswordHash is null;

    public Task<bool> IsValidAsync(AppUser user, string token) =>
        users.VerifyUserTokenAsync(user, TokenProvider, Purpose, token);

    /// <summary>Sets name and password; the link reached the address, so the e-mail is confirmed.</summary>
    public async Task<IdentityResult> AcceptAsync(AppUser user, string token, string name, string password)
    {
        if (!IsPending(user) || !await IsValidAsync(user, token))
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        user.DisplayName = name.Trim();
        user.EmailConfirmed = true;
        actor.ActAs(user.Id, user.DisplayName);
        var entry = audit.Record(user, "接受邀请并激活账号");
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded) audit.Discard(entry);
        return result;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description).Distinct()));
    }
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = Invitations.TokenProvider;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}

/// <summary>Invitation links stay valid for 7 days (the template says so); other tokens keep Identity's 1 day.</summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger) : DataProtectorTokenProvider<AppUser>(protection, options, logger);
