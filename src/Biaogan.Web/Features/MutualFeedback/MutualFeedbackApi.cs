using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>
/// JSON API of 双向反馈. Each side reads only what it wrote; the office reads both sides. A reviewer never receives
/// an organisation's rating of any reviewer, and an organisation never receives a reviewer's rating of it.
/// </summary>
public static class MutualFeedbackApi
{
    public sealed record AnswerDto(string Code, string Title, int Score, string Label);

    public sealed record RatingDto(Guid Id, string Direction, Guid ReviewerId, string Status, DateTimeOffset SubmittedAt, bool Late, DateOnly DueDate,
        IReadOnlyList<AnswerDto> Answers, string Comments, string? ReopenReason);

    public sealed record TaskDto(Guid ApplicationId, string Organization, DateOnly VisitedOn, DateOnly DueDate, string Direction, Guid ReviewerId,
        string Subject, RatingDto? Mine);

    public sealed record VisitDto(Guid ApplicationId, string Organization, DateOnly VisitedOn, DateOnly DueDate, IReadOnlyList<RatingDto> OrganizationRatesReviewers,
        IReadOnlyList<RatingDto> ReviewersRateOrganization);

    public sealed record AverageDto(string Code, string Title, double? Average, int Count);

    public sealed record ReviewerRecordDto(Guid ReviewerId, int Count, IReadOnlyList<AverageDto> Averages, IReadOnlyList<string> Comments);

    public sealed record RateRequest(Guid ApplicationId, Guid? ReviewerId, Dictionary<string, int> Answers, string? Comments);

    public sealed record ReopenRequest(string? Reason);

    public sealed record ScaleDto(int Score, string Label);
    public sealed record QuestionsDto(IReadOnlyList<FeedbackQuestion> ForReviewer, IReadOnlyList<FeedbackQuestion> ForOrganization, IReadOnlyList<ScaleDto> Scale);

    public static void MapMutualFeedbackApi(this WebApplication app)
    {
        var group = app.MapApi("/mutual-feedback", "双向反馈");
        group.MapGet("/questions", () => TypedResults.Ok(new QuestionsDto(FeedbackQuestions.ForReviewer, FeedbackQuestions.ForOrganization,
            FeedbackQuestions.Scale.Select(s => new ScaleDto(s.Score, s.Label)).ToList()))).WithSummary("双向反馈的评价问题和 1–5 分评分标准");
        group.MapGet("/mine", MineAsync).RequireAuthorization(Policies.ApplicantOrReviewer)
            .WithSummary("我需要填写的双向反馈及本人已提交的评价（申报组织用户：评价评审员；评审员：评价组织）");
        group.MapPost("/reviewer-ratings", RateReviewerAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("申报组织评价现场评审专家组的一位评审员；提交后锁定");
        group.MapPost("/organization-ratings", RateOrganizationAsync).RequireAuthorization(Policies.Reviewer)
            .WithSummary("现场评审专家组评审员评价接受评审组织的守纪情况；提交后锁定");
        group.MapGet("/applications/{applicationId:guid}", VisitAsync).RequireAuthorization(Policies.Office)
            .WithSummary("一次现场评审的双向反馈（双方评价，活动办公室）");
        group.MapGet("/reviewers/{reviewerId:guid}", ReviewerAsync).RequireAuthorization(Policies.Office)
            .WithSummary("评审员历年受评组织评价的各项平均分、次数和意见（活动办公室）");
        group.MapPost("/ratings/{ratingId:guid}/reopen", ReopenAsync).RequireAuthorization(Policies.Office)
            .WithSummary("重新开放已提交的评价，须填原因（活动办公室）");
    }

    private static async Task<Ok<List<TaskDto>>> MineAsync(ClaimsPrincipal user, UserManager<AppUser> users, MutualFeedbackWorkflow workflow, CancellationToken ct)
    {
        var me = await users.GetUserAsync(user);
        var tasks = new List<TaskDto>();
        if (me?.OrganizationId is { } org && user.IsInRole(Roles.Applicant))
        {
            var visits = await workflow.ForOrganizationAsync(org, ct);
            var mine = await workflow.RatingsAsync(visits.Select(v => v.ApplicationId).ToList(), FeedbackDirection.OrganizationRatesReviewer, ct);
            tasks.AddRange(visits.SelectMany(v => v.Team.Select(m => new TaskDto(v.ApplicationId, v.Organization, v.VisitedOn, v.DueDate,
                nameof(FeedbackDirection.OrganizationRatesReviewer), m.ReviewerId, m.Name,
                Dto(mine.FirstOrDefault(r => r.ApplicationId == v.ApplicationId && r.ReviewerId == m.ReviewerId))))));
        }
        if (me is not null && user.IsInRole(Roles.Reviewer) && await workflow.ProfileOfAsync(me.Id, ct) is { } profile)
        {
            var visits = await workflow.ForReviewerAsync(profile, ct);
            var mine = (await workflow.RatingsAsync(visits.Select(v => v.ApplicationId).ToList(), FeedbackDirection.ReviewerRatesOrganization, ct))
                .Where(r => r.ReviewerId == profile).ToList();
            tasks.AddRange(visits.Select(v => new TaskDto(v.ApplicationId, v.Organization, v.VisitedOn, v.DueDate,
                nameof(FeedbackDirection.ReviewerRatesOrganization), profile, v.Organization, Dto(mine.FirstOrDefault(r => r.ApplicationId == v.ApplicationId)))));
        }
        return TypedResults.Ok(tasks);
    }

    private static async Task<Results<Ok<RatingDto>, NotFoundProblem>> RateReviewerAsync(RateRequest request, ClaimsPrincipal user, UserManager<AppUser> users,
        MutualFeedbackWorkflow workflow, CancellationToken ct)
    {
        var me = await users.GetUserAsync(user);
        if (me is null || request.ReviewerId is not { } reviewerId) return NotFound("未找到该评审员。");
        var rating = await workflow.RateReviewerAsync(me, request.ApplicationId, reviewerId, request.Answers ?? [], request.Comments, ct);
        return TypedResults.Ok(Dto(rating)!);
    }

    private static async Task<Results<Ok<RatingDto>, NotFoundProblem>> RateOrganizationAsync(RateRequest request, ClaimsPrincipal user, UserManager<AppUser> users,
        MutualFeedbackWorkflow workflow, CancellationToken ct)
    {
        var me = await users.GetUserAsync(user);
        if (me is null) return NotFound("未找到该申报。");
        var rating = await workflow.RateOrganizationAsync(me, request.ApplicationId, request.Answers ?? [], request.Comments, ct);
        return TypedResults.Ok(Dto(rating)!);
    }

    private static async Task<Results<Ok<VisitDto>, NotFoundProblem>> VisitAsync(Guid applicationId, MutualFeedbackWorkflow workflow, CancellationToken ct)
    {
        var v = await workflow.VisitAsync(applicationId, ct);
        if (v is null) return NotFound("该申报的现场评审尚未结束，没有双向反馈。");
        var a = await workflow.RatingsAsync([applicationId], FeedbackDirection.OrganizationRatesReviewer, ct);
        var b = await workflow.RatingsAsync([applicationId], FeedbackDirection.ReviewerRatesOrganization, ct);
        return TypedResults.Ok(new VisitDto(v.ApplicationId, v.Organization, v.VisitedOn, v.DueDate, a.Select(r => Dto(r)!).ToList(), b.Select(r => Dto(r)!).ToList()));
    }

    private static async Task<Results<Ok<ReviewerRecordDto>, NotFoundProblem>> ReviewerAsync(Guid reviewerId, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Set<Reviewers.ReviewerProfile>().AnyAsync(p => p.Id == reviewerId, ct)) return NotFound("未找到该评审员。");
        var record = await ReviewerRecords.LoadAsync(db, reviewerId, ct);
        return TypedResults.Ok(new ReviewerRecordDto(reviewerId, record.Count,
            record.Averages.Select(x => new AverageDto(x.Question.Code, x.Question.Title, x.Average, x.Count)).ToList(),
            record.Lines.Where(l => l.Comments.Length > 0).Select(l => l.Comments).ToList()));
    }

    private static async Task<Ok<RatingDto>> ReopenAsync(Guid ratingId, ReopenRequest request, MutualFeedbackWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(Dto(await workflow.ReopenAsync(ratingId, request.Reason, ct))!);

    private static RatingDto? Dto(MutualRating? r) => r is null ? null : new RatingDto(r.Id, r.Direction.ToString(), r.ReviewerId, r.Status.ToString(),
        r.SubmittedAt, r.Late, r.DueDate,
        FeedbackQuestions.For(r.Direction).Select(q => new AnswerDto(q.Code, q.Title, r.Score(q.Code) ?? 0, FeedbackQuestions.ScaleLabel(r.Score(q.Code) ?? 0))).ToList(),
        r.Comments, r.ReopenReason);

    private static NotFoundProblem NotFound(string detail) => new("未找到", detail);
}
