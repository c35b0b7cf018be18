using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// One rate-limit policy per kind of form, each partitioned per signed-in account or else per client address
/// (the real one: forwarded headers count only from configured proxies, see <see cref="ReverseProxy"/>), so a
/// flood of objections cannot lock out logins and one visitor cannot use up another's allowance. Limits are
/// posts per minute, set by <c>RateLimits:{Name}PerMinute</c>; GETs are never limited.
/// </summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string Objection = "objection";
    /// <summary>The public complaint form and its look-up (投诉, 第二十七、三十二条).</summary>
    public const string Complaint = "complaint";
    public const string Upload = "upload";
    /// <summary>Certificate verification; the policy itself lives with the certificates (Awards' VerifyRateLimit).</summary>
    public const string Verification = "certificate-verify";

    /// <summary>Default posts per minute of each policy when <c>RateLimits:{key}PerMinute</c> is not set.</summary>
    private static readonly (string Policy, string Key, int Default)[] Limits =
    [
        (SignIn, "SignIn", 10),
        (Registration, "Registration", 5),
        (Objection, "Objection", 5),
        (Complaint, "Complaint", 5),
        (Upload, "Upload", 30),
    ];

    public static void Add(RateLimiterOptions o, IConfiguration config)
    {
        foreach (var (policy, key, fallback) in Limits)
            o.AddPolicy(policy, http =>
            {
                if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                    return RateLimitPartition.GetNoLimiter("get");
                // RateLimits:PublicFormPerMinute (the former single limit) still sets every form's default.
                var limit = config.GetValue($"RateLimits:{key}PerMinute", config.GetValue("RateLimits:PublicFormPerMinute", fallback));
                return RateLimitPartition.GetFixedWindowLimiter(PartitionKey(http),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
            });
    }

    /// <summary>The signed-in account, else the client address as the trusted proxies report it.</summary>
    public static string PartitionKey(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id
            ? "user:" + id
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
