using Biaogan.Web.Features.DocumentReview.Ranking;

namespace Biaogan.Web.Features.DocumentReview.Shortlist;

/// <summary>The review committee's shortlist (/DocumentReview/Shortlist, 第十七条).</summary>
public static class ShortlistModule
{
    public static void AddShortlist(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ShortlistWorkflow>();
        builder.Services.AddScoped<ShortlistNotices>();
        builder.Services.AddScoped<IRankingNames>(sp => sp.GetRequiredService<ShortlistWorkflow>());
    }

    public static void MapShortlist(this WebApplication app)
    {
        app.MapShortlistApi();
        app.MapShortlistCommitteeApi();
    }
}
