namespace Biaogan.Web.Features.Conflicts;

public static class ConflictsModule
{
    public static void AddConflicts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConflictDecisions>();
        builder.Services.AddScoped<ConflictSettings>();
        builder.Services.AddScoped<ReviewerRelations>();
    }

    public static void MapConflicts(this WebApplication app) => app.MapConflictsApi();
}
