namespace Biaogan.Web.Features.Recommendations;

/// <summary>推荐意见 (第十五条): the recommending body's pages under /Recommendations, their service and JSON endpoints.</summary>
public static class RecommendationsModule
{
    public static void AddRecommendations(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<RecommendationWorkflow>();

    public static void MapRecommendations(this WebApplication app) => app.MapRecommendationApi();
}
