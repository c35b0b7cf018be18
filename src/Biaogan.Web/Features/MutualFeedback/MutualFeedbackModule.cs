namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>双向反馈 (第三十条): /MutualFeedback (office), /MutualFeedback/Mine (organisations and reviewers), /api/mutual-feedback.</summary>
public static class MutualFeedbackModule
{
    public static void AddMutualFeedback(this WebApplicationBuilder builder) => builder.Services.AddScoped<MutualFeedbackWorkflow>();

    public static void MapMutualFeedback(this WebApplication app) => app.MapMutualFeedbackApi();
}
