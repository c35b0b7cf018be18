using Biaogan.Web.Infrastructure.Jobs;

namespace Biaogan.Web.Features.Assignment;

public static class AssignmentModule
{
    public static void AddAssignment(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AssignmentInputs>();
        builder.Services.AddScoped<AssignmentPlans>();
        builder.Services.AddScoped<PlanApplier>();
        builder.Services.AddScoped<ReviewerTasks>();
        builder.Services.AddScoped<AssignmentJobs>();
        builder.Services.AddScheduledWork<AssignmentSolveWork>();
    }

    public static void MapAssignment(this WebApplication app)
    {
        app.MapAssignmentApi();
    }
}
