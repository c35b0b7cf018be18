using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Features.Conflicts;

namespace Biaogan.Web.Features.Assignment;

public static class AssignmentModule
{
    public static void AddAssignment(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AssignmentInputs>();
        builder.Services.AddScoped<AssignmentPlans>();
        builder.Services.AddScoped<PlanApplier>();
        builder.Services.AddScoped<ReviewerTasks>();
        builder.Services.AddScoped<SeatDeclarations>();
        builder.Services.AddScoped<LeaderQualifications>();
        builder.Services.AddScoped<ISeatRemoval>(sp => sp.GetRequiredService<SeatDeclarations>());
        builder.Services.AddScoped<AssignmentJobs>();
        builder.Services.AddScheduledWork<AssignmentSolveWork>();
    }

    public static void MapAssignment(this WebApplication app)
    {
        app.MapAssignmentApi();
    }
}
