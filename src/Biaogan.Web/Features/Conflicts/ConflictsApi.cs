using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// /api/conflicts — the queue and its decisions and the scan for the office; an applicant's own avoid-list; a reviewer's
/// own declared relations; the confidentiality terms in force. Anything the caller may not see answers 404 (403 for a
/// role with no business here at all).
/// </summary>
public static class ConflictsApi
{
    public sealed record CaseDto(Guid Id, Guid CycleId, Guid ApplicationId, string? ApplicationNumber, string OrganizationName,
        Guid ReviewerId, string ReviewerName, string Source, string SourceName, string Evidence, string Status, string StatusName,
        DateTimeOffset FoundAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionReason, int Version);

    public sealed record DecisionInput(string? Reason, int? Version);

    public sealed record AvoidDto(Guid Id, string PersonName, string? Employer, string Reason, DateTimeOffset RequestedAt, int? Matches);

    public sealed record RelationDto(Guid Id, string Kind, string KindName, string OrganizationName, string? OrganizationUscc,
        string Description, int? FromYear, int? ToYear);

    public sealed record TermsDto(string VersionLabel, string Text);

    public static void MapConflictsApi(this WebApplication app)
    {
        var api = app.MapApi("/conflicts", "利益冲突");
        api.MapGet("/", ListAsync).WithSummary("利益冲突确认队列（活动办公室）：可按年度、状态、来源、申报、评审员筛选，待确认的排在前面");
        api.MapGet("/{id:guid}", GetAsync).WithSummary("查看一条利益冲突记录（活动办公室）");
        api.MapPost("/{id:guid}/confirm", ConfirmAsync).WithSummary("确认利益冲突：该评审员在该申报的专家组席位随即撤出（活动办公室）");
        api.MapPost("/{id:guid}/dismiss", DismissAsync).WithSummary("排除误报，必须填写理由（活动办公室）");
        api.MapPost("/scan/{cycleId:guid}", ScanAsync).WithSummary("对一个年度活动的全部申报与已聘评审员排查利益冲突，新发现的进入待确认队列（活动办公室）");
        api.MapGet("/avoid/{applicationId:guid}", AvoidListAsync).WithSummary("申报组织的回避申请（本组织用户和活动办公室）");
        api.MapGet("/relations/me", MyRelationsAsync).WithSummary("当前评审员本人申报的个人关系");
        api.MapGet("/terms", TermsAsync).WithSummary("现行保密承诺书正文及版本号");
    }

    private static bool IsOffice(ClaimsPrincipal u) => u.IsOffice();

    private static ForbiddenProblem Forbidden() => new("无权查看", "只有活动办公室和系统管理员可以处理利益冲突。");

    private static NotFoundProblem NotFound(string what) => new("未找到", $"{what}不存在，或您没有查看权限。");

    private static async Task<Results<Ok<List<CaseDto>>, ForbiddenProblem>> ListAsync(ClaimsPrincipal user, AppDbContext db, Guid? cycleId, ConflictStatus? status,
        ConflictSource? source, Guid? applicationId, Guid? reviewerId, CancellationToken ct)
    {
        if (!IsOffice(user)) return Forbidden();
        var rows = await ConflictQueue.LoadAsync(db, new ConflictFilter(cycleId, status, source, applicationId, reviewerId), ct);
        return TypedResults.Ok(rows.Select(Dto).ToList());
    }

    private static async Task<Results<Ok<CaseDto>, ForbiddenProblem, NotFoundProblem>> GetAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (!IsOffice(user)) return Forbidden();
        var row = await OneAsync(db, id, ct);
        return row is null ? NotFound("利益冲突记录") : TypedResults.Ok(Dto(row));
    }

    private static async Task<Results<Ok<CaseDto>, ForbiddenProblem>> ConfirmAsync(Guid id, DecisionInput input, ClaimsPrincipal user, AppDbContext db,
        ConflictDecisions decisions, CurrentActor actor, CancellationToken ct)
    {
        if (!IsOffice(user)) return Forbidden();
        var c = await decisions.FindAsync(id, input.Version, ct);
        await decisions.ConfirmAsync(c, actor.Name, input.Reason, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto((await OneAsync(db, id, ct))!));
    }

    private static async Task<Results<Ok<CaseDto>, ForbiddenProblem>> DismissAsync(Guid id, DecisionInput input, ClaimsPrincipal user, AppDbContext db,
        ConflictDecisions decisions, CurrentActor actor, CancellationToken ct)
    {
        if (!IsOffice(user)) return Forbidden();
        var c = await decisions.FindAsync(id, input.Version, ct);
        decisions.Dismiss(c, actor.Name, input.Reason ?? "");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto((await OneAsync(db, id, ct))!));
    }

    private static async Task<Results<Ok<ConflictScanResult>, ForbiddenProblem>> ScanAsync(Guid cycleId, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!IsOffice(user)) return Forbidden();
        return TypedResults.Ok(await ConflictScan.RunAsync(db, cycleId, clock, ct));
    }

    private static async Task<Results<Ok<List<AvoidDto>>, NotFoundProblem>> AvoidListAsync(Guid applicationId, ClaimsPrincipal user, AppDbContext db, ApplicationAccess access, CancellationToken ct)
    {
        var application = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        var caller = await access.CallerAsync(user, ct);
        if (application is null || !(caller.IsOffice || ApplicationAccess.CanEdit(caller, application))) return NotFound("申报");
        var requests = await db.Set<AvoidRequest>().AsNoTracking().Where(r => r.ApplicationId == applicationId)
            .OrderBy(r => r.RequestedAt).ToListAsync(ct);
        // Whether a named person is in the reviewer pool is the office's knowledge, not the applicant's.
        var matches = caller.IsOffice ? await AvoidList.MatchCountsAsync(db, applicationId, ct) : null;
        return TypedResults.Ok(requests.Select(r => new AvoidDto(r.Id, r.PersonName, r.Employer, r.Reason, r.RequestedAt,
            matches?.GetValueOrDefault(r.Evidence))).ToList());
    }

    private static async Task<Results<Ok<List<RelationDto>>, NotFoundProblem>> MyRelationsAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        var profile = me.Length == 0 ? null : await db.Set<ReviewerProfile>().AsNoTracking().Where(p => p.UserId == me).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (profile is null) return new NotFoundProblem("没有评审员档案", "当前账号没有关联评审员档案。");
        var rows = await db.Set<ReviewerRelation>().AsNoTracking().Where(r => r.ReviewerId == profile).OrderBy(r => r.DeclaredAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new RelationDto(r.Id, r.Kind.ToString(), r.Kind.Display(), r.OrganizationName,
            r.OrganizationUscc, r.Description, r.FromYear, r.ToYear)).ToList());
    }

    private static async Task<Ok<TermsDto>> TermsAsync(AppDbContext db, CancellationToken ct)
    {
        var (label, text) = await ConfidentialityTerms.CurrentAsync(db, ct);
        return TypedResults.Ok(new TermsDto(label, text));
    }

    private static async Task<ConflictRow?> OneAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        (await ConflictQueue.LoadAsync(db, new ConflictFilter(CaseId: id), ct)).FirstOrDefault();

    private static CaseDto Dto(ConflictRow r) => new(r.Id, r.CycleId, r.ApplicationId, r.ApplicationNumber, r.OrganizationName,
        r.ReviewerId, r.ReviewerName, r.Source.ToString(), r.Source.Display(), r.Evidence, r.Status.ToString(), r.Status.Display(),
        r.FoundAt, r.DecidedAt, r.DecidedBy, r.DecisionReason, r.Version);
}
