using System.Threading.RateLimiting;
using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>
/// The "upload" rate-limit policy: <c>RateLimits:UploadPerMinute</c> uploads (default 30) per signed-in account, or
/// per client address for anonymous uploads (objection evidence), in a bucket of their own so uploads never starve
/// sign-in or the public forms.
/// </summary>
public static class UploadRateLimit
{
    public const string Policy = "upload";

    public static void AddUploadRateLimit(this IServiceCollection services, IConfiguration config) =>
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(Policy, http =>
        {
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                return RateLimitPartition.GetNoLimiter("read");
            var limit = config.GetValue("RateLimits:UploadPerMinute", 30);
            var who = http.User.Identity?.IsAuthenticated == true
                ? "user:" + http.User.UserId()
                : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return RateLimitPartition.GetFixedWindowLimiter(who,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
        }));
}
