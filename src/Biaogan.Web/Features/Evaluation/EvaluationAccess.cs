using System.Security.Claims;
using Biaogan.Web.Features.Accounts;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>Who takes part in 综合评价: the office records and finalises; 评审委员会委员 vote and declare conflicts.</summary>
public static class EvaluationAccess
{
    // IsOffice and UserId forward to PrincipalExtensions; they stay only for EvaluationApi until its rewrite uses those directly.
    public static bool IsOffice(ClaimsPrincipal user) => user.IsOffice();

    public static string UserId(ClaimsPrincipal user) => user.UserId();

    /// <summary>Formats a score in points (two decimals at most), or “—”.</summary>
    public static string Points(decimal? v) => v is { } x ? x.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
