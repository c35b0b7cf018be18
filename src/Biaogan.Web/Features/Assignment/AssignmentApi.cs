using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>JSON API of expert-group assignment: runs, plans (preview, edit, apply), and the reviewer's own tasks.</summary>
public static class AssignmentApi
{
    public sealed record RunRequest(Guid CycleId, ReviewStage Stage = ReviewStage.Document, JobKind Kind = JobKind.Full, int TimeLimitSeconds = 60);
    public sealed record EditRequest(int Version, EditKind Kind, Guid ApplicationId, Guid ReviewerId, Guid? OtherApplicationId, Guid? OtherReviewerId);
    public sealed record ApplyRequest(int Version, string? Reason);
    public sealed record DeclineRequest(int? Version, string? Reason);

    public sealed record JobDto(Guid Id, string Status, string StatusText, string Kind, string KindText, string Phase, string Message,
        long? Objective, double? Bound, double? Gap, int Solutions, int TimeLimitSeconds, DateTimeOffset RequestedAt,
        DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, Guid? PlanId, bool Done)
    {
        public static JobDto From(AssignmentJob j) => new(j.Id, j.Status.ToString(), j.Status.Display(), j.Kind.ToString(), j.Kind.Display(),
            j.Phase, j.Message, j.Objective, j.Bound, j.Gap, j.Solutions, j.TimeLimitSeconds, j.RequestedAt, j.StartedAt, j.FinishedAt, j.PlanId, j.IsDone);
    }

    public sealed record PlanDto(Guid Id, Guid CycleId, string Stage, string Source, string Status, string Summary, long? Objective,
        long? FlowBound, double? Gap, string CreatedBy, DateTimeOffset CreatedAt, string? AppliedBy, DateTimeOffset? AppliedAt,
        string? OverrideReason, int Version, IReadOnlyList<PlannedGroup> Groups)
    {
        public static PlanDto From(AssignmentPlan p) => new(p.Id, p.CycleId, p.Stage.ToString(), p.Source.ToString(), p.Status.ToString(),
            p.Summary, p.Objective, p.FlowBound, p.Gap, p.CreatedBy, p.CreatedAt, p.AppliedBy, p.AppliedAt, p.OverrideReason, p.Version, p.Groups());
    }

    public sealed record RuleDto(string Weight, string WeightText, string Rule, string Description, Guid? ApplicationId, Guid? ReviewerId);
    public sealed record PreviewDto(PlanDto Plan, bool Stale, bool CanApply, bool NeedsReason, IReadOnlyList<RuleDto> Rules, IReadOnlyList<GroupChange> Changes);

    public sealed record ApplyResult(PlanDto Plan, int SeatsAdded, int SeatsRemoved);
    public sealed record SeatDto(Guid MemberId, string Status, string StatusText);

    public static void MapAssignmentApi(this WebApplication app)
    {
        var office = app.MapApi("/assignment", "专家组分配");
        office.MapPost("/runs", RunAsync).RequireAuthorization(Policies.Office)
            .WithSummary("启动后台求解：Full 重新分配全部专家组，Gaps 只补齐空缺并保持其余席位不变；返回任务，可轮询其进度（活动办公室）");
        office.MapGet("/jobs/{id:guid}", JobAsync).RequireAuthorization(Policies.Office)
            .WithSummary("求解任务的进度：阶段、目前最好的目标值、下界和差距；完成后给出方案编号（活动办公室）");
        office.MapGet("/plans", PlansAsync).RequireAuthorization(Policies.Office)
            .WithSummary("某年度活动某评审阶段的分配方案列表，新者在前（活动办公室）");
        office.MapGet("/plans/{id:guid}", PreviewAsync).RequireAuthorization(Policies.Office)
            .WithSummary("方案预览：每个专家组、违反的每条规则（中文）和与现有专家组的差异（活动办公室）");
        office.MapPost("/plans/{id:guid}/edits", EditAsync).RequireAuthorization(Policies.Office)
            .WithSummary("手工调整（Add 调入、Remove 调出、Move 调到另一组、Swap 互换、SetLeader 指定组长），生成新的方案草稿（活动办公室）");
        office.MapPost("/plans/{id:guid}/apply", ApplyAsync).RequireAuthorization(Policies.Office)
            .WithSummary("执行方案：组建或调整专家组并通知评审员；有利益冲突时不得执行，超负荷、同单位或组长资格问题须填写理由（活动办公室）");
        office.MapGet("/mine", MineAsync)
            .WithSummary("当前评审员本人的评审任务（专家组席位）；其他人得到空列表");
        office.MapPost("/seats/{memberId:guid}/decline", DeclineAsync)
            .WithSummary("评审员说明理由谢绝本人的专家组席位，活动办公室会收到通知；他人的席位返回 404");
    }

    private static async Task<Results<Created<JobDto>, NotFoundProblem>> RunAsync(RunRequest request, AppDbContext db, AssignmentJobs jobs, CancellationToken ct)
    {
        if (!await db.Set<Cycles.Cycle>().AnyAsync(c => c.Id == request.CycleId, ct))
            return new NotFoundProblem("未找到", "年度活动不存在。");
        var job = await jobs.StartAsync(request.CycleId, request.Stage, request.Kind, request.TimeLimitSeconds, ct);
        return TypedResults.Created($"/api/assignment/jobs/{job.Id}", JobDto.From(job));
    }

    private static async Task<Results<Ok<JobDto>, NotFound>> JobAsync(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Set<AssignmentJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is { } job
            ? TypedResults.Ok(JobDto.From(job)) : TypedResults.NotFound();

    private static async Task<Ok<List<PlanDto>>> PlansAsync(Guid cycleId, ReviewStage? stage, AppDbContext db, CancellationToken ct)
    {
        var s = stage ?? ReviewStage.Document;
        var plans = await db.Set<AssignmentPlan>().AsNoTracking().Where(p => p.CycleId == cycleId && p.Stage == s)
            .OrderByDescending(p => p.CreatedAt).Take(100).ToListAsync(ct);
        return TypedResults.Ok(plans.Select(PlanDto.From).ToList());
    }

    private static async Task<Results<Ok<PreviewDto>, NotFound>> PreviewAsync(Guid id, AssignmentPlans plans, CancellationToken ct)
    {
        var plan = await plans.FindAsync(id, ct);
        if (plan is null) return TypedResults.NotFound();
        var review = PlanPreview.Review(await plans.InputAsync(plan, ct), plan);
        return TypedResults.Ok(Preview(plan, review));
    }

    private static PreviewDto Preview(AssignmentPlan plan, PlanReview review) => new(PlanDto.From(plan), review.Stale,
        plan.Status == PlanStatus.Draft && !review.Stale && !review.HasForbidden, review.NeedsReason,
        review.Rules.Select(r => new RuleDto(r.Weight.ToString(), r.Weight.Display(), r.Rule, r.Description, r.ApplicationId, r.ReviewerId)).ToList(),
        review.Changes);

    private static async Task<Results<Ok<PreviewDto>, NotFound>> EditAsync(Guid id, EditRequest request, AssignmentPlans plans, CancellationToken ct)
    {
        if (await plans.FindAsync(id, ct) is null) return TypedResults.NotFound();
        var next = await plans.EditAsync(id, request.Version,
            new PlanEdit(request.Kind, request.ApplicationId, request.ReviewerId, request.OtherApplicationId, request.OtherReviewerId), ct);
        var review = PlanPreview.Review(await plans.InputAsync(next, ct), next);
        return TypedResults.Ok(Preview(next, review));
    }

    private static async Task<Results<Ok<ApplyResult>, NotFound>> ApplyAsync(Guid id, ApplyRequest request, AssignmentPlans plans, CancellationToken ct)
    {
        if (await plans.FindAsync(id, ct) is null) return TypedResults.NotFound();
        var review = await plans.ApplyAsync(id, request.Version, request.Reason, ct);
        var plan = (await plans.FindAsync(id, ct))!;
        return TypedResults.Ok(new ApplyResult(PlanDto.From(plan), review.SeatsAdded, review.SeatsRemoved));
    }

    private static async Task<Ok<IReadOnlyList<ReviewerTask>>> MineAsync(ClaimsPrincipal user, ReviewerTasks tasks, CancellationToken ct) =>
        TypedResults.Ok(await tasks.MineAsync(user.UserId(), ct));

    private static async Task<Results<Ok<SeatDto>, NotFound>> DeclineAsync(Guid memberId, DeclineRequest request, ClaimsPrincipal user, ReviewerTasks tasks, CancellationToken ct)
    {
        var member = await tasks.DeclineAsync(user.UserId(), memberId, request.Version, request.Reason, ct);
        return member is null ? TypedResults.NotFound() : TypedResults.Ok(new SeatDto(member.Id, member.Status.ToString(), member.Status.Display()));
    }
}
