namespace Biaogan.Web.Features.DocumentReview.Materials;

/// <summary>The reviewer's read-only view of an application's materials and its file downloads.</summary>
public static class MaterialsModule
{
    public static void MapMaterials(this WebApplication app)
    {
        // Downloads for the reviewer's pages: outside /api so that an expired session is sent to the login page.
        app.MapGet("/DocumentReview/Files/{fileId:guid}", ReviewerMaterials.DownloadAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/DocumentReview/Materials/{applicationId:guid}.zip", ReviewerMaterials.ZipAsync).RequireAuthorization().ExcludeFromDescription();
    }
}
