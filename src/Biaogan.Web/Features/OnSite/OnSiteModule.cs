using Biaogan.Web.Features.Assignment;

namespace Biaogan.Web.Features.OnSite;

/// <summary>现场评审 (第十九条): the shortlist as the on-site stage's candidates, the visit workflow, and the JSON API.</summary>
public static class OnSiteModule
{
    public static void AddOnSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IStageCandidates, ShortlistCandidates>();
        builder.Services.AddScoped<SiteVisitReader>();
        builder.Services.AddScoped<SiteVisitWorkflow>();
        builder.Services.AddScoped<VisitNotices>();
        builder.Services.AddScoped<OnSiteStage>();
        builder.Services.AddScoped<Applications.Gates.IListUse>(sp => sp.GetRequiredService<OnSiteStage>());
    }

    public static void MapOnSite(this WebApplication app) => app.MapOnSiteApi();
}
