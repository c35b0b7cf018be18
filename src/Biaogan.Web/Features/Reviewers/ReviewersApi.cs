using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// /api/reviewers — read access to the pool: the office, administrator and leading group see every profile, a
/// reviewer only their own; a profile the caller may not see answers 404 (its existence is not revealed).
/// </summary>
public static partial class ReviewersApi
{
    public sealed record ItemDto(string Condition, string Title, string Outcome, string OutcomeName, string Explanation);

    public sealed record SanctionDto(string Kind, string KindName, DateOnly DecidedOn, string Reason);

    public sealed record ReviewerDto(Guid Id, string Name, string Email, string Phone, string Status, string StatusName,
        string Standing, bool AvailableToday, DateOnly? AppointedOn, DateOnly? TermEndsOn, string? EducationLevel,
        string Education, int ExperienceYears, IReadOnlyList<string> Industries, string? ProvinceCode,
        string Eligibility, string EligibilitySummary, IReadOnlyList<ItemDto> Conditions, IReadOnlyList<SanctionDto> Sanctions,
        int Version);

    /// <summary>处分 (第二十八条): kind Criticism / Warning / Revocation, the decision date, the reason, and the profile's version.</summary>
    public sealed record SanctionRequest(string? Kind, DateOnly? DecidedOn, string? Reason, int Version);

    public sealed record SuspensionRequest(string? Reason, int Version);

    public sealed record VersionRequest(int Version);

    public static void MapReviewersApi(this WebApplication app)
    {
        // Applicants and recommending bodies have no business here at all (403); among the rest, per resource.
        var api = app.MapApi("/reviewers", "评审员")
            .RequireAuthorization(Policies.ReviewerPoolOrReviewer);
        api.MapGet("/", ListAsync).WithSummary("评审员库（分页：items、total、page、pageCount、pageSize；按姓名排序，dir=desc 倒序）：可按 status、industry、province、eligibility、q（姓名）筛选，附第十一条资格条件核对结果（活动办公室、领导小组）");
        api.MapGet("/available", AvailableAsync)
            .WithSummary("列出某日可安排评审任务的评审员：已聘用且在任期内（date 缺省为今天，格式 yyyy-MM-dd；活动办公室、领导小组）");
        api.MapGet("/export", ReviewerExport.ExportAsync).RequireAuthorization(Policies.ReviewerPoolStaff)
            .WithSummary("把筛选后的评审员名单导出为 Excel（status、industry、province、eligibility 同列表页；含联系方式，每次导出记入审计日志；活动办公室、领导小组）");
        api.MapReviewerBulkMessageApi();
        api.MapGet("/me", MeAsync).WithSummary("当前评审员本人的档案、聘用情况和处分记录");
        api.MapGet("/{id:guid}", GetAsync).WithSummary("查看一名评审员的档案（工作人员可查看全部，评审员只能查看本人）");
        // 评审纪律 (第二十八条), as on the page /Reviewers/Sanctions/{id}: suspension and revocation end the open seats
        api.MapPost("/{id:guid}/sanctions", SanctionAsync).RequireAuthorization(Policies.ReviewerPoolStaff)
            .WithSummary("记录处分（批评 Criticism、警告 Warning、撤销评审员资格 Revocation；撤销时其尚未完成的专家组席位结束）（活动办公室、领导小组）");
        api.MapPost("/{id:guid}/suspend", SuspendAsync).RequireAuthorization(Policies.ReviewerPoolStaff)
            .WithSummary("暂停评审员资格（暂停期间不安排评审任务，尚未完成的专家组席位结束）（活动办公室、领导小组）");
        api.MapPost("/{id:guid}/reinstate", ReinstateAsync).RequireAuthorization(Policies.ReviewerPoolStaff)
            .WithSummary("恢复被暂停的评审员资格（活动办公室、领导小组）");
        MapProfileWrites(api);
    }

    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> SanctionAsync(Guid id, SanctionRequest body,
        ReviewerWorkflow reviewers, CurrentActor actor, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await ReviewerPool.FindAsync(db, id, ct) is not { } profile) return ProfileNotFound();
        if (!Enum.TryParse<SanctionKind>(body.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(body.Kind, out _))
            return new RuleProblem("缺少处分种类", "请填写 kind：批评 Criticism、警告 Warning 或撤销评审员资格 Revocation。");
        if (body.DecidedOn is not { } on) return new RuleProblem("缺少决定日期", "请填写 decidedOn（处分决定日期，格式 yyyy-MM-dd）。");
        await reviewers.SanctionAsync(profile, body.Version, kind, on, body.Reason, actor.Name, ct);
        return await DtoAsync(db, profile, clock, ct);
    }

    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> SuspendAsync(Guid id, SuspensionRequest body,
        ReviewerWorkflow reviewers, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await ReviewerPool.FindAsync(db, id, ct) is not { } profile) return ProfileNotFound();
        await reviewers.SuspendAsync(profile, body.Version, body.Reason, ct);
        return await DtoAsync(db, profile, clock, ct);
    }

    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> ReinstateAsync(Guid id, VersionRequest body,
        ReviewerWorkflow reviewers, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await ReviewerPool.FindAsync(db, id, ct) is not { } profile) return ProfileNotFound();
        await reviewers.ChangeAsync(profile, body.Version, p => p.Reinstate(), ct);
        return await DtoAsync(db, profile, clock, ct);
    }

    private static NotFoundProblem ProfileNotFound() => new("未找到", "评审员档案不存在，请返回评审员库。");

    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem, RuleProblem>> DtoAsync(AppDbContext db, ReviewerProfile saved, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ProfileDtoAsync(db, saved, clock, ct));

    private static async Task<Results<Ok<Paged<ReviewerDto>>, ForbiddenProblem, ValidationProblem>> ListAsync(
        [Microsoft.AspNetCore.Http.AsParameters] ReviewerFilter filter, [Microsoft.AspNetCore.Http.AsParameters] ListQuery list,
        ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!ReviewerProfileAccess.IsStaff(user)) return Forbidden();
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var today = clock.Today();
        var settings = (await ReviewerPool.SettingsAsync(db, ct)).For(today);
        var matched = await filter.MatchAsync(db, today, ct: ct);
        // ordered by name in the database; 第十一条 is evaluated in memory, so the filtered pool is paged here
        var descending = list.Descending == true;
        var ordered = descending ? Enumerable.Reverse(matched).ToList() : matched;
        var size = list.PageSize;
        var page = Math.Clamp(list.Page ?? 1, 1, Math.Max(1, (ordered.Count + size - 1) / size));
        var items = ordered.Skip((page - 1) * size).Take(size).Select(r => Dto(r.Profile, settings)).ToList();
        return TypedResults.Ok(new Paged<ReviewerDto>(items, ordered.Count, page, size));
    }

    private static async Task<Results<Ok<List<ReviewerDto>>, ForbiddenProblem>> AvailableAsync(ClaimsPrincipal user, AppDbContext db, TimeProvider clock, DateOnly? date, CancellationToken ct)
    {
        if (!ReviewerProfileAccess.IsStaff(user)) return Forbidden();
        var on = date ?? clock.Today();
        var settings = await ReviewerPool.SettingsAsync(db, ct);
        var pool = await ReviewerPool.AvailableAsync(db, on, ct);
        return TypedResults.Ok(pool.Select(p => Dto(p, settings.For(on))).ToList());
    }

    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem>> MeAsync(ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var me = user.UserId();
        var p = me.Length == 0 ? null : await db.Set<ReviewerProfile>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(x => x.UserId == me, ct);
        if (p is null || !ReviewerProfileAccess.IsOwn(user, p))
            return new NotFoundProblem("没有评审员档案", "当前账号没有关联评审员档案。如您是评审员，请联系活动办公室。");
        var settings = await ReviewerPool.SettingsAsync(db, ct);
        return TypedResults.Ok(Dto(p, settings.For(clock.Today())));
    }

    private static async Task<Results<Ok<ReviewerDto>, NotFoundProblem>> GetAsync(Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var p = await db.Set<ReviewerProfile>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !ReviewerProfileAccess.CanView(user, p))
            return new NotFoundProblem("未找到", "评审员档案不存在，或您没有查看权限。");
        var settings = await ReviewerPool.SettingsAsync(db, ct);
        return TypedResults.Ok(Dto(p, settings.For(clock.Today())));
    }

    /// <summary>GET /Reviewers/Files/{fileId}: a training certificate, for whoever may see its profile; 404 otherwise.</summary>
    public static async Task<Results<StoredFileResult, NotFound>> PageDownloadAsync(Guid fileId, ClaimsPrincipal user, AppDbContext db, FileStore store, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().AsNoTracking()
            .FirstOrDefaultAsync(f => f.Id == fileId && f.OwnerType == ReviewerCard.FileOwnerType, ct);
        if (file is null) return TypedResults.NotFound();
        var profile = await db.Set<ReviewerProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == file.OwnerId, ct);
        return profile is not null && ReviewerProfileAccess.CanView(user, profile) ? store.Serve(file) : TypedResults.NotFound();
    }

    private static ForbiddenProblem Forbidden() => new("无权查看", "只有活动办公室、系统管理员和领导小组成员可以查看评审员库。");

    private static ReviewerDto Dto(ReviewerProfile p, EligibilitySettings settings)
    {
        var report = ReviewerEligibility.Evaluate(p, settings);
        return new ReviewerDto(p.Id, p.Name, p.Email, p.Phone, p.Status.ToString(), p.Status.Display(),
            ReviewerCard.StandingOf(p, settings.AsOf), p.IsAvailableOn(settings.AsOf), p.AppointedOn, p.TermEndsOn,
            p.EducationLevel?.ToString(), ReviewerCard.EducationText(p), report.ExperienceYears, p.Industries, p.ProvinceCode,
            report.Overall.ToString(), report.Summary,
            report.Items.Select(i => new ItemDto(i.Condition.ToString(), i.Title, i.Outcome.ToString(), i.Outcome.Display(), i.Explanation)).ToList(),
            p.Sanctions.OrderBy(s => s.DecidedOn).Select(s => new SanctionDto(s.Kind.ToString(), s.Kind.Display(), s.DecidedOn, s.Reason)).ToList(),
            p.Version);
    }
}
