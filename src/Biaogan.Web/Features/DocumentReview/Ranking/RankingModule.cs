namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>The ranking of 资料评审 (/DocumentReview/Ranking) and its JSON endpoints.</summary>
public static class RankingModule
{
    public static void MapRanking(this WebApplication app) => app.MapRankingApi();
}
