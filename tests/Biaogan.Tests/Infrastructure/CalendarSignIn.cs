using System.Net;
using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// Signs a persona in for the Calendar, Cycles, Audit and CLI tests. Uses the real login pages
/// (<see cref="Cast.SignInAsync"/>) whenever the application has them; on a branch built before the
/// account pages exist it issues the same Identity application cookie the login page would, through the
/// application's own claims factory and data protection, so authorization is exercised exactly as in use.
/// </summary>
public static class CalendarSignIn
{
    public static async Task<PageClient> AsAsync(AppFactory app, Persona who)
    {
        if (HasLoginPage(app)) return await Cast.SignInAsync(app, who);

        string cookie = "";
        string cookieName = "";
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(who.UserId) ?? throw new InvalidOperationException("persona not found");
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
            var options = sp.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
            var now = app.Clock.GetUtcNow();
            var ticket = new AuthenticationTicket(principal,
                new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(8) }, IdentityConstants.ApplicationScheme);
            cookie = options.TicketDataFormat.Protect(ticket);
            cookieName = options.Cookie.Name!;
        });
        var jar = new CookieContainer();
        jar.Add(new Uri("http://localhost"), new Cookie(cookieName, cookie));
        var http = app.CreateDefaultClient(new Uri("http://localhost"), new RedirectHandler(), new CookieContainerHandler(jar));
        return new PageClient(http);
    }

    /// <summary>True when the response is a refusal: 403, or the redirect to the access-denied page.</summary>
    public static async Task<bool> IsForbiddenAsync(PageClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        return response.StatusCode == HttpStatusCode.Forbidden
            || (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ?? false);
    }

    private static bool HasLoginPage(AppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Any(e => string.Equals(e.RoutePattern.RawText, "Account/Login", StringComparison.OrdinalIgnoreCase));
}
