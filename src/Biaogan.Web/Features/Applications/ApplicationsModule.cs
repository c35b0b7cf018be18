using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications.Edit;

namespace Biaogan.Web.Features.Applications;

public static class ApplicationsModule
{
    public static void AddApplications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApplicationAccess>();
        builder.Services.AddScoped<ApplicationWorkflow>();
        builder.Services.AddScoped<ApplicationNumbering>();
        builder.Services.AddScoped<ApplicationNotices>();
        builder.Services.AddScoped<OutcomeNotices>();
        builder.Services.AddScoped<ApplicationFiles>();
        builder.Services.AddScoped<ApplicationBulkMessage>();
        builder.Services.AddScoped<ApplicationFormServices>();
    }

    public static void MapApplications(this WebApplication app)
    {
        // Downloads for the pages: outside /api so that an expired session is sent to the login page.
        app.MapGet("/Applications/Files/{fileId:guid}", ApplicationsApi.PageDownloadAsync)
            .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/Applications/{id:guid}/Form.pdf", ApplicationsApi.FormPdfAsync)
            .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/Applications/Export", ApplicationExport.ExportAsync)
            .RequireAuthorization(Policies.Office).ExcludeFromDescription();
        app.MapGet("/Applications/{id:guid}/Materials.zip", ApplicationMaterials.ZipAsync)
            .RequireAuthorization().ExcludeFromDescription();
        app.MapApplicationsApi();
    }
}
