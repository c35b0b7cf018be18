using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Features.DocumentReview.Materials;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>资料评审 independent scoring and consensus: services, the reminder job, the reviewer's downloads and the API.</summary>
public static class ScoringModule
{
    public static void AddScoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ScoringWorkflow>();
        builder.Services.AddScoped<ConsensusWorkflow>();
        builder.Services.AddScoped<ScoringReminders>();
        builder.Services.AddScheduledWork<ScoringReminderWork>();
    }

    public static void MapScoring(this WebApplication app)
    {
        // Downloads for the reviewer's pages: outside /api so that an expired session is sent to the login page.
        app.MapGet("/DocumentReview/Files/{fileId:guid}", ReviewerMaterials.DownloadAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapScoringApi();
    }
}
