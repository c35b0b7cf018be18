using Biaogan.Web.Infrastructure.Jobs;

namespace Biaogan.Web.Features.Commitments;

/// <summary>获奖组织的承诺 (第二十三条): new quality goals after the award and the yearly progress reports, with their reminders.</summary>
public static class CommitmentsModule
{
    public static void AddCommitments(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CommitmentsOptions>(builder.Configuration.GetSection(CommitmentsOptions.Section));
        builder.Services.AddScoped<CommitmentRecords>();
        builder.Services.AddScoped<CommitmentWorkflow>();
        builder.Services.AddScoped<ProgressReminders>();
        builder.Services.AddScoped<Awards.IAwardRecordSection, CommitmentAwardSection>();
        builder.Services.AddScheduledWork<ProgressReminderWork>();
        builder.Services.AddScheduledWork<ProgressPlanningWork>();
    }

    public static void MapCommitments(this WebApplication app) => app.MapCommitmentsApi();
}
