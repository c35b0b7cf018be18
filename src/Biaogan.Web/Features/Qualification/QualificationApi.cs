using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>JSON API of 资格审查: the office's queue, one application's rounds and pre-checks, and the decision.</summary>
public static class QualificationApi
{
    public sealed record ItemRequest(string Code, ChecklistVerdict? Verdict, string? Note);

    /// <summary>A decision; <c>version</c> is the application's version as last read (concurrency).</summary>
    public sealed record DecisionRequest(QualificationOutcome? Outcome, string? Reasons, List<ItemRequest>? Items, int Version,
        DateOnly? OverrideDeadline = null, string? OverrideReason = null);

    public sealed record RoundDto(int Round, QualificationOutcome Outcome, string OutcomeText, string Reasons,
        IReadOnlyList<ChecklistEntry> Items, DateOnly? SupplementDeadline, bool SupplementDeadlineConfirmed, int? SupplementWorkdays,
        string? SupplementDeadlineText, DateOnly? ComputedDeadline, string? DeadlineOverrideReason, string DecidedBy,
        DateTimeOffset DecidedAt, DateTimeOffset? ResubmittedAt)
    {
        public static RoundDto From(QualificationReview r, bool showDecider = true) => new(r.Round, r.Outcome, r.Outcome.Display(), r.Reasons, r.Items,
            r.SupplementDeadline, r.SupplementDeadlineConfirmed, r.SupplementWorkdays,
            r.SupplementDeadline is { } d ? Qualification.SupplementDeadlineText.Format(d, r.SupplementWorkdays ?? 0) : null,
            r.ComputedDeadline, r.DeadlineOverrideReason, showDecider ? r.DecidedByName : "活动办公室", r.DecidedAt, r.ResubmittedAt);
    }

    public sealed record DetailDto(Guid ApplicationId, string? Number, string Status, string StatusText, int Version,
        IReadOnlyList<RoundDto> Rounds, IReadOnlyList<PreCheckResult> PreChecks);

    /// <summary>The application's state after a decision, with the round just recorded.</summary>
    public sealed record DecisionResult(Guid ApplicationId, string Status, string StatusText, int Version, RoundDto Round);

    public static void MapQualificationApi(this WebApplication app)
    {
        var group = app.MapApi("/qualification", "资格审查");
        group.MapQualificationListApi();
        group.MapGet("/{applicationId:guid}", DetailAsync)
            .WithSummary("一项申报的各轮资格审查记录和系统预检结果（活动办公室；申报组织可查看本组织的申报）");
        group.MapPost("/{applicationId:guid}/decision", DecideAsync).RequireAuthorization(Policies.Office)
            .WithSummary("作出资格审查结论：Pass 通过、Fail 不通过（须填理由）、Supplement 补正（须列明补正内容，期限按工作日计算）；须逐项给出审查意见（活动办公室）");
    }

    private static async Task<Results<Ok<DetailDto>, NotFoundProblem>> DetailAsync(Guid applicationId, ClaimsPrincipal user, AppDbContext db, ApplicationAccess access,
        QualificationWorkflow workflow, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var app = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null || !ApplicationAccess.CanSeeReview(caller, app)) return NotFound();
        return TypedResults.Ok(await DetailOfAsync(app, caller.IsOffice, db, workflow, ct));
    }

    private static async Task<Results<Ok<DecisionResult>, NotFoundProblem>> DecideAsync(Guid applicationId, DecisionRequest request, ClaimsPrincipal user, AppDbContext db,
        QualificationWorkflow workflow, CancellationToken ct)
    {
        var app = await db.Set<Application>().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null) return NotFound();
        var items = (request.Items ?? []).Select(i => new ChecklistInput(i.Code, i.Verdict, i.Note)).ToList();
        var review = await workflow.DecideAsync(app, request.Version,
            new QualificationDecision(request.Outcome, request.Reasons, items, request.OverrideDeadline, request.OverrideReason),
            user.UserId(), ct);
        return TypedResults.Ok(new DecisionResult(app.Id, app.Status.ToString(), app.Status.Display(), app.Version, RoundDto.From(review)));
    }

    private static async Task<DetailDto> DetailOfAsync(Application app, bool office, AppDbContext db, QualificationWorkflow workflow, CancellationToken ct)
    {
        var summary = await ApplicationSummary.LoadAsync(db, app.Id, ct);
        var rounds = await workflow.RoundsAsync(app.Id, ct);
        return new DetailDto(app.Id, app.Number, app.Status.ToString(), app.Status.Display(), app.Version,
            rounds.Select(r => RoundDto.From(r, office)).ToList(), workflow.PreChecks(summary!));
    }

    internal static NotFoundProblem NotFound() => new("未找到", "申报不存在，或您无权查看。");
}
