using System.Security.Claims;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// The one place that reads who the signed-in person is from the cookie's claims: the user id, the roles the
/// programme's pages ask about, and the organisation or recommending body the person acts for. Pages, API
/// handlers and workflows use these instead of looking up claim types themselves.
/// </summary>
public static class PrincipalExtensions
{
    /// <summary>The signed-in user's id, or "" for an anonymous visitor.</summary>
    public static string UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>The signed-in user's id; throws when there is none (only for endpoints that require sign-in).</summary>
    public static string RequiredUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException("已登录用户缺少用户标识。");

    /// <summary>活动办公室 or 系统管理员: the people who run the programme day to day.</summary>
    public static bool IsOffice(this ClaimsPrincipal user) => user.IsInRole(Roles.Office) || user.IsInRole(Roles.Admin);

    /// <summary>评审委员会委员.</summary>
    public static bool IsReviewCommittee(this ClaimsPrincipal user) => user.IsInRole(Roles.ReviewCommittee);

    /// <summary>审定委员会委员.</summary>
    public static bool IsApprovalCommittee(this ClaimsPrincipal user) => user.IsInRole(Roles.ApprovalCommittee);

    /// <summary>领导小组成员.</summary>
    public static bool IsLeadingGroup(this ClaimsPrincipal user) => user.IsInRole(Roles.LeadingGroup);

    /// <summary>评审员.</summary>
    public static bool IsReviewer(this ClaimsPrincipal user) => user.IsInRole(Roles.Reviewer);

    /// <summary>The 申报组织 the user acts for, if any.</summary>
    public static Guid? OrganizationId(this ClaimsPrincipal user) => AppClaims.OrganizationOf(user);

    /// <summary>The 推荐单位 the user acts for, if any.</summary>
    public static Guid? RecommendingBodyId(this ClaimsPrincipal user) => AppClaims.RecommendingBodyOf(user);
}
