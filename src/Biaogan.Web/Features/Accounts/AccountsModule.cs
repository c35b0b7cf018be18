using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace Biaogan.Web.Features.Accounts;

public static class AccountsModule
{
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<StartupBanner>();
        services.AddSingleton<DemoLogins>();
        services.AddScoped<ISeeder, RoleSeeder>();
        services.AddAuthorization(o => o.AddPolicies());

        // Identity itself is configured in WebModule; these replace its English messages, add our claims,
        // put TOTP on the injected clock and add the 7-day invitation token.
        services.AddScoped<IdentityErrorDescriber, ChineseIdentityErrorDescriber>();
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, AppClaimsPrincipalFactory>();
        services.AddTransient<ClockedAuthenticatorTokenProvider>();
        services.AddTransient<InvitationTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(ClockedAuthenticatorTokenProvider));
            o.Tokens.ProviderMap[Invitations.TokenProvider] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
        });
        services.Configure<InvitationTokenProviderOptions>(_ => { });

        services.AddSingleton<PublicLinks>();
        services.AddMemoryCache();
        services.AddScoped<UnknownAccountLockout>();
        services.AddScheduledWork<SignInThrottlePruneWork>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AccountAudit>();
        services.AddScoped<Invitations>();
        services.AddScoped<AccountRecovery>();
    }

    public static void MapAccounts(this WebApplication app)
    {
        // Runs after authentication and authorisation (WebModule) and before the page or endpoint.
        app.UseMiddleware<TwoFactorEnforcement>();
        app.MapUsersApi();
    }
}

/// <summary>Creates the programme's roles on first start.</summary>
internal sealed class RoleSeeder(RoleManager<IdentityRole> roles) : ISeeder
{
    public int Order => 0;

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
