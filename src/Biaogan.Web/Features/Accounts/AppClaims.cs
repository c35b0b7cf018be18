using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Accounts;

/// <summary>Claims the sign-in cookie carries besides the user id and roles.</summary>
public static class AppClaims
{
    /// <summary>姓名 (AppUser.DisplayName), read by the layout and the audit trail.</summary>
    public const string DisplayName = "display_name";
    /// <summary>"true" when the user has bound an authenticator (TOTP).</summary>
    public const string TwoFactorEnabled = "two_factor";
    /// <summary>The 申报组织 the user acts for (Guid), if any.</summary>
    public const string OrganizationId = "org_id";
    /// <summary>The 推荐单位 the user acts for (Guid), if any.</summary>
    public const string RecommendingBodyId = "body_id";

    public static Guid? OrganizationOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganizationId), out var id) ? id : null;

    public static Guid? RecommendingBodyOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(RecommendingBodyId), out var id) ? id : null;
}

/// <summary>Adds <see cref="AppClaims"/> to the principal Identity builds at sign-in and on refresh.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        identity.AddClaim(new Claim(AppClaims.TwoFactorEnabled, user.TwoFactorEnabled ? "true" : "false"));
        if (user.OrganizationId is { } org) identity.AddClaim(new Claim(AppClaims.OrganizationId, org.ToString()));
        if (user.RecommendingBodyId is { } body) identity.AddClaim(new Claim(AppClaims.RecommendingBodyId, body.ToString()));
        return identity;
    }
}
