namespace Biaogan.Web.Features.Applications;

public static class ApplicationsModule
{
    public static void AddApplications(this WebApplicationBuilder builder)
    {
    }

    public static void MapApplications(this WebApplication app)
    {
    }
}
