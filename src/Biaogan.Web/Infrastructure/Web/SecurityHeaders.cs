using System.Security.Cryptography;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// Security headers on every response, error pages included (set as the response starts): a
/// Content-Security-Policy whose scripts must come from this site or carry the request's nonce (every
/// &lt;script&gt; in a page gets it from <see cref="CspNonceTagHelper"/>; inline event handlers are not
/// allowed — pages use data-confirm / data-autosubmit, wired in wwwroot/js/site.js), no framing, no
/// sniffing, a strict referrer and no powerful browser features. HSTS (Production) is the framework's UseHsts.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "biaogan.csp-nonce";

    /// <summary>The request's script nonce, made on first use.</summary>
    public static string Nonce(HttpContext http)
    {
        if (http.Items[NonceKey] is string nonce) return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        return nonce;
    }

    public static string Policy(string nonce, bool apiReference) =>
        "default-src 'self'; " +
        // The API reference page (/scalar) is a third-party single-page app with inline start-up code.
        (apiReference ? "script-src 'self' 'unsafe-inline'; " : $"script-src 'self' 'nonce-{nonce}'; ") +
        // style="…" attributes are used throughout the pages; styles cannot run code.
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            var nonce = Nonce(ctx);
            ctx.Response.OnStarting(() =>
            {
                var headers = ctx.Response.Headers;
                headers.ContentSecurityPolicy = Policy(nonce, ctx.Request.Path.StartsWithSegments("/scalar"));
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}

/// <summary>Gives every &lt;script&gt; element of a page the request's CSP nonce.</summary>
[HtmlTargetElement("script")]
public sealed class CspNonceTagHelper(IHttpContextAccessor http) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (http.HttpContext is { } ctx) output.Attributes.SetAttribute("nonce", SecurityHeaders.Nonce(ctx));
    }
}
