using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// Absolute links for e-mails: from <c>App:PublicBaseUrl</c> when configured (behind a proxy, from jobs),
/// otherwise from the current request. Identity tokens travel base64url-encoded in the query string.
/// </summary>
public sealed class PublicLinks(IConfiguration config, IHttpContextAccessor http)
{
    /// <summary>The absolute URL of a local path such as “/Applications/1”.</summary>
    public string Absolute(string pathAndQuery) => TryAbsolute(pathAndQuery)
        ?? throw new InvalidOperationException("没有当前请求，无法生成链接；请配置 App:PublicBaseUrl。");

    /// <summary>The absolute URL of a local path, or null when neither the configuration nor a current request tells the site's address.</summary>
    public string? TryAbsolute(string pathAndQuery)
    {
        if (config["App:PublicBaseUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/') + pathAndQuery;
        var request = http.HttpContext?.Request;
        return request is null ? null : $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
    }

    public string ConfirmEmail(AppUser user, string token) =>
        Absolute($"/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={EncodeToken(token)}");

    public string ResetPassword(AppUser user, string token) =>
        Absolute($"/Account/ResetPassword?userId={Uri.EscapeDataString(user.Id)}&code={EncodeToken(token)}");

    public string AcceptInvitation(AppUser user, string token) =>
        Absolute($"/Account/AcceptInvitation?userId={Uri.EscapeDataString(user.Id)}&code={EncodeToken(token)}");

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The Identity token back from a link, or null if the link was cut or altered.</summary>
    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
