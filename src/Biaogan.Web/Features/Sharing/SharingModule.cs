using Biaogan.Web.Infrastructure.Jobs;

namespace Biaogan.Web.Features.Sharing;

/// <summary>经验交流与推广 (第二十五、三十一条): events, invitations and answers, attendance, and the public benchmark practices.</summary>
public static class SharingModule
{
    public static void AddSharing(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SharingOptions>(builder.Configuration.GetSection(SharingOptions.Section));
        builder.Services.AddScoped<SharingRecords>();
        builder.Services.AddScoped<SharingWorkflow>();
        builder.Services.AddScoped<PracticeWorkflow>();
        builder.Services.AddScoped<Awards.IAwardRecordSection, SharingAwardSection>();
        builder.Services.AddScheduledWork<SharingReminderWork>();
    }

    public static void MapSharing(this WebApplication app) => app.MapSharingApi();
}
