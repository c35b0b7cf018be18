using Biaogan.Web.Infrastructure.Jobs;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>获奖三年后确认 (第二十四条): rounds, the organisations' submissions, the published result and its PDF.</summary>
public static class ConfirmationModule
{
    public static void AddConfirmation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConfirmationWorkflow>();
        builder.Services.AddScoped<IConfirmationPeriodRecords, IncidentPeriodRecords>();
        builder.Services.AddScoped<IConfirmationPeriodRecords, CommitmentPeriodRecords>();
        builder.Services.AddScoped<IConfirmationPeriodRecords, SharingPeriodRecords>();
        builder.Services.AddScheduledWork<ConfirmationReminderWork>();
        builder.Services.Configure<ConfirmationOptions>(builder.Configuration.GetSection("Confirmation"));
        builder.Services.AddScoped<GroupCandidates>();
        builder.Services.AddScoped<GroupNotices>();
        builder.Services.AddScoped<ConfirmationGroups>();
        builder.Services.AddScoped<SeatWorkflow>();
        builder.Services.AddScoped<Conflicts.ISeatRemoval, ConfirmationSeatRemoval>();
        builder.Services.AddScoped<Supervision.ICaseGate, ConfirmationCaseGate>();
        builder.Services.AddScheduledWork<OpinionReminderWork>();
    }

    public static void MapConfirmation(this WebApplication app)
    {
        app.MapConfirmationApi();
        app.MapConfirmationGroupApi();
    }
}
