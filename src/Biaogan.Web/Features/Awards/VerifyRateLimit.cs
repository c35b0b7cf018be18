using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Biaogan.Web.Features.Awards;

/// <summary>
/// Fixed window per IP on certificate look-ups (RateLimits:VerifyPerMinute, 30 by default), so verification codes cannot
/// be guessed by trying many; opening the empty form is never limited.
/// </summary>
public sealed class VerifyRateLimit(IConfiguration config) : IRateLimiterPolicy<string>
{
    public const string Name = "certificate-verify";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (ctx, ct) =>
    {
        ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await ctx.HttpContext.Response.WriteAsync("查询过于频繁，请一分钟后再试。", ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext http)
    {
        var lookup = http.Request.RouteValues.ContainsKey("number") && http.Request.RouteValues["number"] is not null
            || http.Request.Query.ContainsKey("number");
        if (!lookup) return RateLimitPartition.GetNoLimiter("form");
        var limit = config.GetValue("RateLimits:VerifyPerMinute", 30);
        return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
    }
}
