namespace Biaogan.Web.Features.Governance;

/// <summary>领导小组 (第七条): decisions on the office's proposals, rulings on important issues, the committees' composition.</summary>
public static class GovernanceModule
{
    public static void AddGovernance(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GovernanceWorkflow>();
        builder.Services.AddScoped<RulingBook>();
        builder.Services.AddScoped<CommitteeRoster>();
    }

    public static void MapGovernance(this WebApplication app) => app.MapGovernanceApi();
}
