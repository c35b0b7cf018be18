namespace Biaogan.Web.Features.Oversight;

/// <summary>领导小组总览 (issue 12 item 10): /Oversight and /api/oversight.</summary>
public static class OversightModule
{
    public static void AddOversight(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OversightBoard>();
        builder.Services.AddScoped<ILateReports, LateIncidentReports>();
        builder.Services.AddScoped<ILateReports, LateProgressReports>();
    }

    public static void MapOversight(this WebApplication app) => app.MapOversightApi();
}
