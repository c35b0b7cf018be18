using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Infrastructure.Jobs;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>The ranking of 资料评审 (/DocumentReview/Ranking), its stored versions, their recompute and the JSON endpoints.</summary>
public static class RankingModule
{
    public static void AddRanking(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RankingOptions>(builder.Configuration.GetSection("Ranking"));
        builder.Services.AddScoped<RankingStore>();
        builder.Services.AddScoped<IScoreChanges, RankingRecomputeScheduler>();
        builder.Services.AddScheduledWork<RankingRecomputeWork>();
    }

    public static void MapRanking(this WebApplication app) => app.MapRankingApi();
}
