using System.Security.Claims;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// Staff and committee members (<see cref="Roles.RequireTwoFactor"/>) must bind an authenticator before
/// they can do anything else: pages redirect to the set-up page, the API answers 403. Account pages,
/// the set-up page itself and the error page stay reachable; static files are served before this runs.
/// </summary>
public sealed class TwoFactorEnforcement(RequestDelegate next)
{
    public const string SetupPath = "/Accounts/TwoFactorSetup";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!MustSetUp(http.User) || IsExempt(http.Request.Path))
        {
            await next(http);
            return;
        }
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem(statusCode: 403, title: "需要先启用两步验证",
                detail: "您的角色要求使用身份验证器登录。请先在网页上打开“两步验证设置”完成绑定后再调用接口。").ExecuteAsync(http);
            return;
        }
        var back = http.Request.Path + http.Request.QueryString;
        http.Response.Redirect($"{SetupPath}?returnUrl={Uri.EscapeDataString(back)}");
    }

    public static bool MustSetUp(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && Roles.RequireTwoFactor.Any(user.IsInRole)
        && user.FindFirstValue(AppClaims.TwoFactorEnabled) != "true";

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/Account") || path.StartsWithSegments(SetupPath) || path.StartsWithSegments("/Error")
        || path.StartsWithSegments("/api/antiforgery");
}
