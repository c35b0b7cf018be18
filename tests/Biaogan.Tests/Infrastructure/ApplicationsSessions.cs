using System.Net;
using System.Net.Http.Json;
using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Biaogan.Tests.Infrastructure;

/// <summary>A signed-in browser-like client whose cookie jar the test can reach (to let the session expire).</summary>
public sealed class ApplicationsSession(PageClient client, HttpClient noRedirects, CookieContainer cookies)
{
    public static readonly Uri BaseUri = new("http://localhost");

    public PageClient Pages { get; } = client;
    public HttpClient Http => Pages.Http;

    /// <summary>Same cookies, but redirects are returned instead of followed (to see where a request is sent).</summary>
    public HttpClient NoRedirects { get; } = noRedirects;

    public CookieContainer Cookies { get; } = cookies;

    /// <summary>The login cookie disappears, as when it expires or the person signs out in another tab.</summary>
    public void ExpireLogin()
    {
        foreach (Cookie c in Cookies.GetCookies(BaseUri))
            if (c.Name.StartsWith("biaogan.auth", StringComparison.Ordinal)) c.Expired = true;
    }

    /// <summary>An API request carrying the antiforgery token the API requires for writes.</summary>
    public async Task<HttpRequestMessage> ApiRequestAsync(HttpMethod method, string url, HttpContent? content = null)
    {
        var token = await Http.GetFromJsonAsync<TokenReply>("/api/antiforgery");
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("X-CSRF-TOKEN", token!.Token);
        return request;
    }

    private sealed record TokenReply(string Token, string Header);
}

/// <summary>
/// Signs a persona in by issuing the application's own authentication cookie (Identity's principal, protected
/// with the app's keys), so these tests do not depend on the login pages, which another feature owns.
/// </summary>
public static class ApplicationsSessions
{
    public static async Task<ApplicationsSession> SignInAsync(AppFactory app, Persona who)
    {
        var (cookieName, value) = await LoginCookieAsync(app, who);
        var cookies = new CookieContainer();
        cookies.Add(ApplicationsSession.BaseUri, new Cookie(cookieName, value, "/"));
        var client = app.CreateDefaultClient(ApplicationsSession.BaseUri, new RedirectHandler(), new CookieContainerHandler(cookies));
        var noRedirects = app.CreateDefaultClient(ApplicationsSession.BaseUri, new CookieContainerHandler(cookies));
        return new ApplicationsSession(new PageClient(client), noRedirects, cookies);
    }

    /// <summary>The name and value of a fresh login cookie for <paramref name="who"/> (also for a browser context).</summary>
    public static async Task<(string Name, string Value)> LoginCookieAsync(AppFactory app, Persona who)
    {
        string cookieName = "", value = "";
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var signIn = sp.GetRequiredService<SignInManager<AppUser>>();
            var user = await users.FindByIdAsync(who.UserId) ?? throw new InvalidOperationException("用户不存在");
            var principal = await signIn.CreateUserPrincipalAsync(user);
            var options = sp.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
            var now = app.Clock.GetUtcNow();
            var ticket = new AuthenticationTicket(principal,
                new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan }, IdentityConstants.ApplicationScheme);
            cookieName = options.Cookie.Name!;
            value = options.TicketDataFormat.Protect(ticket);
        });
        if (value.Length > 4000) throw new InvalidOperationException("认证 Cookie 过长，需要分块。");
        return (cookieName, value);
    }
}
