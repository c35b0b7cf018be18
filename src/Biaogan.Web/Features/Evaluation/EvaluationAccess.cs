using System.Security.Claims;
using Biaogan.Web.Features.Accounts;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>Who takes part in 综合评价: the office records and finalises; 评审委员会委员 vote and declare conflicts.</summary>
public static class EvaluationAccess
{
    public const string PageRoles = Roles.Office + "," + Roles.Admin + "," + Roles.ReviewCommittee;

    public static bool IsOffice(ClaimsPrincipal user) => user.IsInRole(Roles.Office) || user.IsInRole(Roles.Admin);

    public static bool IsCommittee(ClaimsPrincipal user) => user.IsInRole(Roles.ReviewCommittee);

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>Formats a score in points (two decimals at most), or “—”.</summary>
    public static string Points(decimal? v) => v is { } x ? x.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
