using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// The one builder of absolute links (e-mails, receipts, certificate QR codes, background jobs). The site's
/// address is <c>App:PublicBaseUrl</c>; it is never taken from the request, whose Host header anyone can forge.
/// Production refuses to start without the setting (<see cref="RequireInProduction"/>); elsewhere the address
/// the server itself listens on stands in (http://localhost in tests). Identity tokens travel base64url-encoded.
/// </summary>
public sealed class PublicLinks(IConfiguration config, IServer server)
{
    public const string Setting = "App:PublicBaseUrl";

    /// <summary>The site's address without a trailing slash, e.g. “https://biaogan.caq.org.cn”.</summary>
    public string BaseUrl => Configured(config) ?? ListeningAddress();

    /// <summary>The absolute URL of a local path such as “/Applications/1”.</summary>
    public string Absolute(string pathAndQuery) => BaseUrl + pathAndQuery;

    public string ConfirmEmail(AppUser user, string token) =>
        Absolute($"/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={EncodeToken(token)}");

    public string ResetPassword(AppUser user, string token) =>
        Absolute($"/Account/ResetPassword?userId={Uri.EscapeDataString(user.Id)}&code={EncodeToken(token)}");

    public string AcceptInvitation(AppUser user, string token) =>
        Absolute($"/Account/AcceptInvitation?userId={Uri.EscapeDataString(user.Id)}&code={EncodeToken(token)}");

    public static string? Configured(IConfiguration config) =>
        config[Setting] is { Length: > 0 } configured ? configured.Trim().TrimEnd('/') : null;

    /// <summary>Stops a Production start without a valid App:PublicBaseUrl, saying what to set.</summary>
    public static Uri? RequireInProduction(IConfiguration config, IHostEnvironment env)
    {
        var configured = Configured(config);
        if (configured is null)
        {
            if (!env.IsProduction()) return null;
            throw new InvalidOperationException(
                "生产环境必须配置 App:PublicBaseUrl（本站对外地址，如 https://biaogan.example.cn），邮件、回执和证书二维码中的链接都以它为准。"
                + " / App:PublicBaseUrl must be set in Production (the site's public address, e.g. https://biaogan.example.cn); every absolute link is built from it.");
        }
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException(
                $"App:PublicBaseUrl 的值“{configured}”不是有效的网址，请填写完整地址，如 https://biaogan.example.cn。"
                + $" / App:PublicBaseUrl \"{configured}\" is not an absolute http(s) URL.");
        return uri;
    }

    private string ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        // Kestrel reports wildcards (http://[::]:5000, http://+:5000) for “every interface”.
        return address is null ? "http://localhost"
            : address.Replace("://[::]", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost")
                .Replace("://0.0.0.0", "://localhost").TrimEnd('/');
    }

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
