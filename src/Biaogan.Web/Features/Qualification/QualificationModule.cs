namespace Biaogan.Web.Features.Qualification;

public static class QualificationModule
{
    public static void AddQualification(this WebApplicationBuilder builder)
    {
    }

    public static void MapQualification(this WebApplication app)
    {
    }
}
