using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;

namespace Biaogan.Web.Features.Qualification;

/// <summary>资格审查 (第十六条, pages under /Qualification): its services and JSON endpoints.</summary>
public static class QualificationModule
{
    public static void AddQualification(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<QualificationWorkflow>();
        builder.Services.AddScoped<QualificationReminders>();
        builder.Services.AddScoped<ISupplementResubmission, SupplementRoundRecorder>();
    }

    public static void MapQualification(this WebApplication app)
    {
        // The page's download: outside /api so that an expired session is sent to the login page.
        app.MapGet("/Qualification/Export", QualificationListApi.ExportAsync)
            .RequireAuthorization(Policies.Office).ExcludeFromDescription();
        app.MapQualificationApi();
    }
}
