using Biaogan.Web.Features.Applications;

namespace Biaogan.Web.Features.Progress;

/// <summary>进度与待办: the status and timeline of every application across the stages, and each role's to-do page.</summary>
public static class ProgressModule
{
    public static void AddProgress(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IApplicationProgress, ApplicationProgress>();
        builder.Services.AddScoped<TodoQueries>();
    }
}
