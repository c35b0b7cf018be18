using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Recommendations;

namespace Biaogan.Web.Features.Qualification;

/// <summary>
/// 推荐意见 (第十五条, pages under /Recommendations) and 资格审查 (第十六条, pages under /Qualification):
/// their services and JSON endpoints.
/// </summary>
public static class QualificationModule
{
    public static void AddQualification(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RecommendationWorkflow>();
        builder.Services.AddScoped<QualificationWorkflow>();
        builder.Services.AddScoped<ISupplementResubmission, SupplementRoundRecorder>();
    }

    public static void MapQualification(this WebApplication app)
    {
        app.MapRecommendationApi();
        app.MapQualificationApi();
    }
}
