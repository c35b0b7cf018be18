using Biaogan.Web.Infrastructure.Jobs;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>资料评审 independent scoring and consensus: services, the reminder job and the API.</summary>
public static class ScoringModule
{
    public static void AddScoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ScoringWorkflow>();
        builder.Services.AddScoped<ConsensusWorkflow>();
        builder.Services.AddScoped<ShortlistVoteNotice>();
        builder.Services.AddScoped<ScoringReminders>();
        builder.Services.AddScheduledWork<ScoringReminderWork>();
    }

    public static void MapScoring(this WebApplication app) => app.MapScoringApi();
}
