using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Biaogan.Web.Features.Accounts;

public static class AccountsModule
{
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<StartupBanner>();
        services.AddSingleton<DemoLogins>();
        services.AddScoped<ISeeder, RoleSeeder>();

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

        services.AddScoped<PublicLinks>();
        services.AddScoped<AccountAudit>();
        services.AddScoped<AccountMail>();
        services.AddScoped<Invitations>();

        // Model-binding messages (“The value '' is invalid.”) in Chinese for every form.
        services.Configure<MvcOptions>(o => ChineseBindingMessages.Apply(o.ModelBindingMessageProvider));
    }

    public static void MapAccounts(this WebApplication app)
    {
        // Runs after authentication and authorisation (WebModule) and before the page or endpoint.
        app.UseMiddleware<TwoFactorEnforcement>();
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

internal static class ChineseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field}填写的“{value}”无效，请重新填写。");
        m.SetMissingBindRequiredValueAccessor(field => $"请填写{field}。");
        m.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”无效，请重新填写。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的内容无效，请重新填写。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "此项应填写数字。");
        m.SetUnknownValueIsInvalidAccessor(field => $"{field}填写的内容无效，请重新填写。");
        m.SetValueIsInvalidAccessor(value => $"“{value}”无效，请重新填写。");
        m.SetValueMustBeANumberAccessor(field => $"{field}应填写数字。");
        m.SetValueMustNotBeNullAccessor(_ => "此项不能为空。");
    }
}
