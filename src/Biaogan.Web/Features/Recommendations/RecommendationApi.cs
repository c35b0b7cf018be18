using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Features.Recommendations;

/// <summary>JSON API of 推荐意见 (第十五条) for recommending bodies.</summary>
public static class RecommendationApi
{
    public sealed record DeclineRequest(string? Reason, int Version);

    /// <summary>The application's state after the recommending body's answer.</summary>
    public sealed record RecommendationResult(Guid ApplicationId, string Status, string StatusText, int Version);

    public static void MapRecommendationApi(this WebApplication app)
    {
        var group = app.MapApi("/recommendations", "推荐意见").RequireAuthorization(Policies.Recommender);
        group.MapPost("/{applicationId:guid}", RecommendAsync)
            .WithSummary("出具推荐意见：multipart/form-data，字段 opinion（推荐意见）、version（申报版本）和文件 letter（签字盖章的推荐函，PDF/JPG/PNG）");
        group.MapPost("/{applicationId:guid}/decline", DeclineAsync)
            .WithSummary("不予推荐：JSON {reason, version}，理由必填，申报组织将收到通知");
    }

    private static async Task<Results<Ok<RecommendationResult>, NotFoundProblem>> RecommendAsync(Guid applicationId, HttpRequest request, ClaimsPrincipal user,
        RecommendationWorkflow workflow, CancellationToken ct)
    {
        var (app, caller) = await workflow.FindAsync(applicationId, user, tracked: true, ct);
        if (app is null) return NotFound();
        if (!request.HasFormContentType)
            throw new DomainRuleException("请以 multipart/form-data 提交：opinion、version 和推荐函文件 letter。");
        var form = await request.ReadFormAsync(ct);
        if (!int.TryParse(form["version"], out var version))
            throw new DomainRuleException("请提供申报的 version（读取申报时得到的版本号），用于防止覆盖他人的修改。");
        var letter = form.Files.GetFile("letter");
        await using var stream = letter?.OpenReadStream();
        await workflow.RecommendAsync(app, version, form["opinion"], stream, letter?.FileName, caller, ct);
        return TypedResults.Ok(new RecommendationResult(app.Id, app.Status.ToString(), app.Status.Display(), app.Version));
    }

    private static async Task<Results<Ok<RecommendationResult>, NotFoundProblem>> DeclineAsync(Guid applicationId, DeclineRequest body, ClaimsPrincipal user,
        RecommendationWorkflow workflow, CancellationToken ct)
    {
        var (app, caller) = await workflow.FindAsync(applicationId, user, tracked: true, ct);
        if (app is null) return NotFound();
        await workflow.DeclineAsync(app, body.Version, body.Reason, caller, ct);
        return TypedResults.Ok(new RecommendationResult(app.Id, app.Status.ToString(), app.Status.Display(), app.Version));
    }

    private static NotFoundProblem NotFound() => new("未找到", "申报不存在，或未选择贵单位出具推荐意见。");
}
