namespace Biaogan.Web.Features.Jobs;

/// <summary>后台任务: the office's view of the scheduled-work table (the table and runner live in Infrastructure/Jobs).</summary>
public static class JobsFeature
{
    public static void AddJobsPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WorkList>();
    }

    public static void MapJobs(this WebApplication app)
    {
        app.MapJobsApi();
    }
}
