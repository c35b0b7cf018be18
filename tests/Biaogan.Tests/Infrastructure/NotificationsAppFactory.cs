using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// The app for notification tests. Besides the real login (Cast.SignInAsync), it offers a test-only
/// sign-in endpoint, used by <see cref="NotificationsSignIn"/> while this build has no /Account/Login page.
/// </summary>
public class NotificationsAppFactory : AppFactory
{
    public const string TestSignInPath = "/__test/sign-in";

    private bool? _hasLoginPage;

    public const string PublicBaseUrl = "https://biaogan.test";

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("App:PublicBaseUrl", PublicBaseUrl)];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestSignInStartupFilter>());
    }

    /// <summary>True when the Accounts feature's login page is part of this build.</summary>
    public async Task<bool> HasLoginPageAsync()
    {
        if (_hasLoginPage is { } known) return known;
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/Account/Login");
        _hasLoginPage = response.IsSuccessStatusCode;
        return _hasLoginPage.Value;
    }

    private sealed class TestSignInStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: that would make the auth cookie's path /__test/sign-in.
            app.Use(async (http, nextMiddleware) =>
            {
                if (http.Request.Path != TestSignInPath)
                {
                    await nextMiddleware();
                    return;
                }
                var users = http.RequestServices.GetRequiredService<UserManager<AppUser>>();
                var user = await users.FindByIdAsync(http.Request.Query["userId"].ToString());
                if (user is null)
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                await http.RequestServices.GetRequiredService<SignInManager<AppUser>>().SignInAsync(user, isPersistent: false);
            });
            next(app);
        };
    }
}

/// <summary>Signs a persona in: through the real login pages when they exist, else through the test endpoint.</summary>
public static class NotificationsSignIn
{
    public static async Task<PageClient> SignInAsync(NotificationsAppFactory app, Persona who)
    {
        if (await app.HasLoginPageAsync()) return await Cast.SignInAsync(app, who);
        var client = Cast.Anonymous(app);
        var response = await client.Http.GetAsync($"{NotificationsAppFactory.TestSignInPath}?userId={Uri.EscapeDataString(who.UserId)}");
        response.EnsureSuccessStatusCode();
        return client;
    }
}
