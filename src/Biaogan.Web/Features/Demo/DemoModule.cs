using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.Demo;

public static class DemoModule
{
    /// <summary>Demo data for development (Demo:Seed in appsettings.Development.json); never in production.</summary>
    public static void AddDemo(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction()) return;
        builder.Services.AddScoped<ISeeder, DemoSeeder>();
        builder.Services.AddScoped<ISeeder, DemoAwardsSeeder>();
        // The operator command seed-scale (bench/load/peak-day.sh); resolved only when that command runs.
        builder.Services.AddSingleton<Infrastructure.Cli.IScaleSeeding, ScaleSeeder>();
    }
}
