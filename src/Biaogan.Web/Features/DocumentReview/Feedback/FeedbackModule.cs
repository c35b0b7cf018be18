namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>The feedback reports of 资料评审 (/DocumentReview/Feedback, 第十八条).</summary>
public static class FeedbackModule
{
    public static void AddFeedback(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<FeedbackWorkflow>();

    public static void MapFeedback(this WebApplication app)
    {
        app.MapGet("/DocumentReview/Feedback/Export", FeedbackListApi.ExportAsync)
            .RequireAuthorization(Accounts.Policies.Office).ExcludeFromDescription();
        app.MapFeedbackApi();
    }
}
