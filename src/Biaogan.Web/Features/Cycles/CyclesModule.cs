namespace Biaogan.Web.Features.Cycles;

public static class CyclesModule
{
    public static void AddCycles(this WebApplicationBuilder builder) => builder.Services.AddScoped<CycleWorkflow>();

    public static void MapCycles(this WebApplication app) => app.MapCyclesApi();
}
