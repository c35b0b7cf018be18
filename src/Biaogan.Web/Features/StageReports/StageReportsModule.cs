using Biaogan.Web.Features.Applications.Gates;

namespace Biaogan.Web.Features.StageReports;

/// <summary>The review committee's stage work reports (/StageReports, 第九条).</summary>
public static class StageReportsModule
{
    public static void AddStageReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StageReportWorkflow>();
        builder.Services.AddScoped<IStageReportGate>(sp => sp.GetRequiredService<StageReportWorkflow>());
    }

    public static void MapStageReports(this WebApplication app) => app.MapStageReportsApi();
}
