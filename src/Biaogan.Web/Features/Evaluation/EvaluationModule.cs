namespace Biaogan.Web.Features.Evaluation;

/// <summary>综合评价 (第二十条): the committee's page /Evaluation, the result summaries and the API under /api/evaluation.</summary>
public static class EvaluationModule
{
    public static void AddEvaluation(this WebApplicationBuilder builder) => builder.Services.AddScoped<EvaluationWorkflow>();

    public static void MapEvaluation(this WebApplication app) => app.MapEvaluationApi();
}
