using Biaogan.Web.Features.Accounts;
namespace Biaogan.Web.Features.Reviewers;

public static class ReviewersModule
{
    public static void AddReviewers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReviewerAccounts>();
        builder.Services.AddScoped<ReviewerWorkflow>();
        builder.Services.AddScoped<ReviewerBulkMessage>();
    }

    public static void MapReviewers(this WebApplication app)
    {
        // Certificate downloads for the pages: outside /api so that an expired session goes to the login page.
        app.MapGet("/Reviewers/Files/{fileId:guid}", ReviewersApi.PageDownloadAsync)
            .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/Reviewers/Export", ReviewerExport.ExportAsync).RequireAuthorization(Policies.ReviewerPoolStaff).ExcludeFromDescription();
        app.MapReviewersApi();
    }
}
