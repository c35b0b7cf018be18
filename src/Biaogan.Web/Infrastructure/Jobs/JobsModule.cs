namespace Biaogan.Web.Infrastructure.Jobs;

public static class JobsModule
{
    /// <summary>The scheduled-work table's scheduler and the runner on this node (settings: section Jobs).</summary>
    public static void AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JobsOptions>(builder.Configuration.GetSection("Jobs"));
        builder.Services.AddSingleton<WorkSignal>();
        builder.Services.AddSingleton<WorkRunner>();
        builder.Services.AddScoped<WorkScheduler>();
        builder.Services.AddHostedService<WorkRunnerHost>();
    }

    /// <summary>Registers the handler of one kind of scheduled work (scoped: a fresh scope per run).</summary>
    public static IServiceCollection AddScheduledWork<T>(this IServiceCollection services) where T : class, IScheduledWork
    {
        services.AddScoped<T>();
        services.AddScoped<IScheduledWork>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
