using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

public sealed record SheetDto(Guid Id, Guid ApplicationId, string ReviewerName, string Status, DateOnly DueOn, bool DueOnConfirmed,
    DateTimeOffset? SubmittedAt, int ReopenCount, int Version, IReadOnlyList<ItemScore> Items)
{
    public static SheetDto From(ScoreSheet s, string reviewerName) => new(s.Id, s.ApplicationId, reviewerName,
        s.Status == SheetStatus.Submitted ? "已提交" : "评分中", s.DueOn, s.DueOnConfirmed, s.SubmittedAt, s.ReopenCount, s.Version, s.Items);
}

public sealed record SheetUpdate(int Version, List<ItemScore>? Items);
public sealed record ReopenRequest(int Version, string? Reason);
public sealed record BoardRowDto(string ItemCode, string ItemName, IReadOnlyList<int?> Percents, int? Spread, int? Median, bool Flagged);
public sealed record ConsensusDto(string Status, int Submitted, int ActiveMembers, IReadOnlyList<string> Reviewers,
    IReadOnlyList<BoardRowDto> Rows, IReadOnlyList<ConsensusItem> Items, string Summary, int? Version);
public sealed record ProgressDto(Guid ApplicationId, string? Number, string ApplicantName, int Submitted, int Active, int Overdue, string Consensus);

/// <summary>
/// /api/document-review — the scoring moves of the pages. A reviewer reaches only applications they may read
/// (<see cref="ReviewerGate.ReadableSeatAsync"/>), and others' scores only after submitting their own; anything else is 404.
/// </summary>
public static class ScoringApi
{
    public static void MapScoringApi(this WebApplication app)
    {
        var api = app.MapApi("/document-review", "资料评审");
        api.MapGet("/sheets/{applicationId:guid}", GetSheetAsync).WithSummary("查看本人对该申报的独立评分表（首次打开时按年度活动选用的评价准则创建）");
        api.MapPut("/sheets/{applicationId:guid}", SaveSheetAsync).WithSummary("保存本人的独立评分表（须带 version；得分率为 0–100 中 5 的倍数）");
        api.MapPost("/sheets/{applicationId:guid}/submit", SubmitSheetAsync).WithSummary("提交本人的独立评分表（提交后锁定）");
        api.MapGet("/applications/{applicationId:guid}/sheets", SubmittedSheetsAsync)
            .WithSummary("查看本专家组已提交的独立评分表（评审员须先提交本人的评分表；活动办公室可随时查看）");
        api.MapGet("/consensus/{applicationId:guid}", ConsensusAsync).WithSummary("查看一致性评审（组长提交本人评分表后可见，组员在确认后可见）");
        api.MapGet("/cycles/{cycleId:guid}/progress", ProgressAsync).RequireAuthorization(Policies.Office)
            .WithSummary("活动办公室查看年度活动的资料评审进度");
        api.MapPost("/office/sheets/{sheetId:guid}/reopen", ReopenAsync).RequireAuthorization(Policies.Office)
            .WithSummary("活动办公室重新开放已提交的独立评分表（须填写原因）");
    }

    private static NotFoundProblem NotFound() => new("未找到", "评分表不存在，或您没有查看权限。");

    private static string UserId(ClaimsPrincipal user) => user.UserId();

    private static bool IsOffice(ClaimsPrincipal user) => user.IsOffice();

    private static async Task<string> NameAsync(AppDbContext db, Guid reviewerId, CancellationToken ct) =>
        await db.Set<Reviewers.ReviewerProfile>().Where(p => p.Id == reviewerId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "评审员";

    private static async Task<Results<Ok<SheetDto>, NotFoundProblem>> GetSheetAsync(Guid applicationId, ClaimsPrincipal user, AppDbContext db, ScoringWorkflow scoring, CancellationToken ct)
    {
        var sheet = await scoring.OpenAsync(UserId(user), applicationId, ct);
        return sheet is null ? NotFound() : TypedResults.Ok(SheetDto.From(sheet, await NameAsync(db, sheet.ReviewerId, ct)));
    }

    private static async Task<Results<Ok<SheetDto>, NotFoundProblem>> SaveSheetAsync(Guid applicationId, SheetUpdate update, ClaimsPrincipal user, AppDbContext db,
        ScoringWorkflow scoring, CancellationToken ct)
    {
        var sheet = await scoring.OpenAsync(UserId(user), applicationId, ct);
        if (sheet is null) return NotFound();
        await scoring.SaveAsync(sheet, update.Items ?? [], update.Version, ct);
        return TypedResults.Ok(SheetDto.From(sheet, await NameAsync(db, sheet.ReviewerId, ct)));
    }

    private static async Task<Results<Ok<SheetDto>, NotFoundProblem>> SubmitSheetAsync(Guid applicationId, SheetUpdate update, ClaimsPrincipal user, AppDbContext db,
        ScoringWorkflow scoring, CancellationToken ct)
    {
        var sheet = await scoring.OpenAsync(UserId(user), applicationId, ct);
        if (sheet is null) return NotFound();
        await scoring.SubmitAsync(sheet, update.Items, update.Version, ct);
        return TypedResults.Ok(SheetDto.From(sheet, await NameAsync(db, sheet.ReviewerId, ct)));
    }

    private static async Task<Results<Ok<List<SheetDto>>, NotFoundProblem>> SubmittedSheetsAsync(Guid applicationId, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (!IsOffice(user))
        {
            // Nobody sees another reviewer's scores before submitting their own.
            var seat = await ReviewerGate.ReadableSeatAsync(db, UserId(user), applicationId, ReviewStage.Document, ct);
            if (seat is null) return NotFound();
            var own = await db.Set<ScoreSheet>().AsNoTracking().AnyAsync(s => s.MemberId == seat.Id && s.Status == SheetStatus.Submitted, ct);
            if (!own) return NotFound();
        }
        var sheets = await db.Set<ScoreSheet>().AsNoTracking()
            .Where(s => s.ApplicationId == applicationId && s.Status == SheetStatus.Submitted).ToListAsync(ct);
        var active = await db.Set<GroupMember>().Where(m => m.ApplicationId == applicationId
            && (m.Status == MemberStatus.Assigned || m.Status == MemberStatus.Declared)).Select(m => m.Id).ToListAsync(ct);
        var result = new List<SheetDto>();
        foreach (var s in sheets.Where(s => active.Contains(s.MemberId))) result.Add(SheetDto.From(s, await NameAsync(db, s.ReviewerId, ct)));
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<ConsensusDto>, NotFoundProblem>> ConsensusAsync(Guid applicationId, ClaimsPrincipal user, ConsensusWorkflow workflow, CancellationToken ct)
    {
        var view = await workflow.LoadAsync(UserId(user), IsOffice(user), applicationId, ct);
        if (view is null) return NotFound();
        var status = view.Sheet?.Status == ConsensusStatus.Agreed ? "已确认" : view.Sheet is null ? "未开始" : "讨论中";
        var board = view.Board;
        return TypedResults.Ok(new ConsensusDto(board is null ? "不可查看" : status, view.Submitted, view.ActiveMembers,
            board?.Columns.Select(c => c.ReviewerName).ToList() ?? [],
            board?.Rows.Select(r => new BoardRowDto(r.Item.Code, r.Item.Name, r.Percents, r.Spread, r.Median, r.Flagged)).ToList() ?? [],
            view.Sheet?.Items ?? [], view.Sheet?.Summary ?? "", view.Sheet?.Version));
    }

    private static async Task<Results<Ok<List<ProgressDto>>, NotFoundProblem>> ProgressAsync(Guid cycleId, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Set<Cycles.Cycle>().AnyAsync(c => c.Id == cycleId, ct)) return new NotFoundProblem("未找到", "年度活动不存在。");
        var rows = await ScoringProgress.ForCycleAsync(db, cycleId, clock.Today(), ct);
        return TypedResults.Ok(rows.Select(r => new ProgressDto(r.ApplicationId, r.Number, r.ApplicantName, r.Submitted, r.Active, r.Overdue, r.ConsensusText)).ToList());
    }

    private static async Task<NoContent> ReopenAsync(Guid sheetId, ReopenRequest request, ScoringWorkflow scoring, CancellationToken ct)
    {
        await scoring.ReopenAsync(sheetId, request.Reason ?? "", request.Version, ct);
        return TypedResults.NoContent();
    }
}
