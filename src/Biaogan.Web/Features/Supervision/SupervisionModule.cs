using Biaogan.Web.Infrastructure.Jobs;

namespace Biaogan.Web.Features.Supervision;

/// <summary>获奖后监督 (第二十四、二十六、二十七、二十九条): cases, the leading group's votes and decisions, incident reports.</summary>
public static class SupervisionModule
{
    public static void AddSupervision(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SupervisionOptions>(builder.Configuration.GetSection("Supervision"));
        builder.Services.AddScoped<CaseWorkflow>();
        builder.Services.AddScoped<IncidentWorkflow>();
        builder.Services.AddScoped<Governance.ICitationSubjects, CaseCitationSubjects>();
        builder.Services.AddScheduledWork<IncidentReminderWork>();
    }

    public static void MapSupervision(this WebApplication app) => app.MapSupervisionApi();
}
