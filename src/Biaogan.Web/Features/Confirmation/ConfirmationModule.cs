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
    }

    public static void MapConfirmation(this WebApplication app) => app.MapConfirmationApi();
}
