namespace Biaogan.Web.Features.Applications;

public static class ApplicationsModule
{
    public static void AddApplications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApplicationAccess>();
    }

    public static void MapApplications(this WebApplication app)
    {
    }
}
