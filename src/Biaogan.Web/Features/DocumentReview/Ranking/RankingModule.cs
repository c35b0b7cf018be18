using Biaogan.Web.Features.DocumentReview.Feedback;
using Biaogan.Web.Features.DocumentReview.Shortlist;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// The later part of 资料评审: the ranking (/DocumentReview/Ranking), the review committee's shortlist
/// (/DocumentReview/Shortlist, 第十七条) and the feedback reports (/DocumentReview/Feedback, 第十八条).
/// </summary>
public static class RankingModule
{
    public static void AddRanking(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ShortlistWorkflow>();
        builder.Services.AddScoped<FeedbackWorkflow>();
    }

    public static void MapRanking(this WebApplication app) => app.MapRankingApi();
}
