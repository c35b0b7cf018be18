using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace Biaogan.Web.Features.Accounts;

public static class AccountsModule
{
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StartupBanner>();
        builder.Services.AddSingleton<DemoLogins>();
        builder.Services.AddScoped<ISeeder, RoleSeeder>();
    }

    public static void MapAccounts(this WebApplication app)
    {
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
