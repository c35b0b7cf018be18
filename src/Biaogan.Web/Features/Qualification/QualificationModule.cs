using Biaogan.Web.Features.Applications;

namespace Biaogan.Web.Features.Qualification;

/// <summary>资格审查 (第十六条, pages under /Qualification): its services and JSON endpoints.</summary>
public static class QualificationModule
{
    public static void AddQualification(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<QualificationWorkflow>();
        builder.Services.AddScoped<ISupplementResubmission, SupplementRoundRecorder>();
    }

    public static void MapQualification(this WebApplication app) => app.MapQualificationApi();
}
