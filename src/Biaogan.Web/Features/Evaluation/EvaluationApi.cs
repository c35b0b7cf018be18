using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>JSON API of 综合评价: the side-by-side board, votes and conflicts (committee), outcome, finalise and reopen (office).</summary>
public static class EvaluationApi
{
    public sealed record RowDto(int Place, Guid ApplicationId, string? Number, string Name, bool Withheld, decimal? DocumentScore,
        decimal? OnSiteScore, decimal? CombinedScore, int? DocumentRank, string SummaryUrl);

    /// <summary><c>rows</c>: one page of the filtered, sorted board (<c>items</c>, <c>total</c>, <c>page</c>, <c>pageCount</c>, <c>pageSize</c>); <c>decision</c>: the whole recorded outcome.</summary>
    public sealed record BoardDto(Guid CycleId, string Category, string CategoryText, int DocumentWeight, int OnSiteWeight, int Quota,
        bool QuotaAbovePrinciple, int RecommendedInOtherCategories, string Status, Paged<RowDto> Rows, DecisionDto? Decision);

    public sealed record DecisionDto(string Status, DateTimeOffset? RecordedAt, DateTimeOffset? FinalisedAt, string NoneReason, int Version,
        IReadOnlyList<EntryDto> Entries);

    public sealed record EntryDto(Guid ApplicationId, bool Recommended, int? Rank, decimal? CombinedScore, int VotesFor, int VotesAgainst,
        int Recused, string Reason);

    public sealed record VoteRequest(Guid ApplicationId, bool Recommend, string? Reason);

    public sealed record ConflictRequest(Guid ApplicationId, string? Reason, string? MemberId);

    public sealed record OutcomeItem(Guid ApplicationId, bool Recommended, string? Reason);

    /// <param name="Entries">Every application of the category; the recommended ones in the order of the list are ranked 1..n.</param>
    public sealed record RecordRequest(IReadOnlyList<OutcomeItem> Entries, string? NoneReason, int? Version);

    public sealed record ReopenRequest(string? Reason, int? Version);
    /// <summary>LeftOut: a reason per unfinished application of the category that the office leaves out (the gate).</summary>
    public sealed record FinaliseRequest(int? Version, IReadOnlyList<Applications.Gates.LeftOutItem>? LeftOut);

    public sealed record VoteDto(bool Recommend, string Reason, DateTimeOffset CastAt);
    public sealed record ConflictDto(Guid Id, string Source);
    public sealed record RecordedDto(string Status, int Recommended, int Version);
    public sealed record FinalisedDto(string Status, int Recommended, DateTimeOffset? FinalisedAt, int Version);
    public sealed record ReopenedDto(string Status, int Version);

    public static void MapEvaluationApi(this WebApplication app)
    {
        var group = app.MapApi("/evaluation", "综合评价");
        group.MapGet("/{cycleId:guid}/{category}", BoardAsync).RequireAuthorization(Policies.ReviewCommittee)
            .WithSummary("综合评价对照表（分页，可按地区、行业、所属集团、申报编号或名称筛选，sort：place、combined、document、onsite、number、name）：资料评审得分、现场评审得分、加权综合得分（权重为年度设置）、名额和已记录的结果；委员回避的申报不显示成绩（活动办公室、评审委员会）");
        group.MapPost("/{cycleId:guid}/{category}/votes", VoteAsync).RequireAuthorization(Policies.ReviewCommitteeMember)
            .WithSummary("评审委员会委员投票：推荐或不推荐，须填理由；回避的申报不能投票");
        group.MapPost("/{cycleId:guid}/{category}/conflicts", ConflictAsync).RequireAuthorization(Policies.ReviewCommittee)
            .WithSummary("登记评审委员会委员的利益冲突（回避）：委员为本人申报，活动办公室可为指定委员（memberId）登记");
        group.MapPost("/{cycleId:guid}/{category}/record", RecordAsync).RequireAuthorization(Policies.Office)
            .WithSummary("记录评审委员会的综合评价结果：逐项是否推荐及理由（推荐的按列表顺序排名），或本类别无推荐的理由（活动办公室）");
        group.MapPost("/{cycleId:guid}/{category}/finalise", FinaliseAsync).RequireAuthorization(Policies.Office)
            .WithSummary("确定本类别推荐名单（或无推荐）；两个类别合计不得超过年度标杆数量上限（第五条）；仍在资格审查、补正、资料评审或现场评审中的申报须逐项在 leftOut 中填写留出原因（活动办公室）");
        group.MapPost("/{cycleId:guid}/{category}/reopen", ReopenAsync).RequireAuthorization(Policies.Office)
            .WithSummary("撤销推荐名单的确定，须填原因；已据此生成或发布公示时须先撤回草稿或发布更正说明（活动办公室）");
    }

    private static async Task<Results<Ok<BoardDto>, NotFoundProblem, ValidationProblem>> BoardAsync(Guid cycleId, string category,
        [AsParameters] DocumentReview.Ranking.RankingFilter filter, [AsParameters] ListQuery list, ClaimsPrincipal user, AppDbContext db,
        EvaluationWorkflow workflow, CancellationToken ct)
    {
        if (await ResolveAsync(db, cycleId, category, ct) is not ({ } cycle, { } cat)) return NotFound("年度活动或申报类别不存在。");
        filter.Category = cat.ToString();
        if (filter.Errors(DocumentReview.Ranking.RankingNames.AllShown, [cat]) is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var board = await workflow.BoardAsync(cycle, cat, ct);
        if (!user.IsOffice()) board = board.Without(await workflow.ConflictsOfAsync(cycle.Id, user.UserId(), ct));
        var d = await db.Set<EvaluationDecision>().AsNoTracking().FirstOrDefaultAsync(x => x.CycleId == cycle.Id && x.Category == cat, ct);
        var withheld = board.Rows.Where(r => r.Withheld).Select(r => r.ApplicationId).ToHashSet();
        return TypedResults.Ok(new BoardDto(cycle.Id, cat.ToString(), board.CategoryText, board.DocumentWeight, board.OnSiteWeight, cycle.Quota,
            cycle.QuotaAbovePrinciple, await workflow.OthersRecommendedAsync(cycle.Id, cat, ct), d?.Status.ToString() ?? nameof(EvaluationStatus.Deliberating),
            (await EvaluationList.PageAsync(db, board, filter, list, ct)).Map(r => new RowDto(r.Place, r.ApplicationId, r.Number, r.Name, r.Withheld,
                r.DocumentScore, r.OnSiteScore, r.CombinedScore, r.DocumentRank, $"/Evaluation/Visit/{r.ApplicationId}")),
            d is null ? null : new DecisionDto(d.Status.ToString(), d.RecordedAt, d.FinalisedAt, d.NoneReason, d.Version,
                d.Entries.Where(e => !withheld.Contains(e.ApplicationId)).Select(e => new EntryDto(e.ApplicationId, e.Recommended, e.Rank,
                    e.CombinedScore, e.VotesFor, e.VotesAgainst, e.Recused, e.Reason)).ToList())));
    }

    private static async Task<Results<Ok<VoteDto>, NotFoundProblem>> VoteAsync(Guid cycleId, string category, VoteRequest request, ClaimsPrincipal user, AppDbContext db,
        EvaluationWorkflow workflow, CancellationToken ct)
    {
        if (await ResolveAsync(db, cycleId, category, ct) is not ({ } cycle, { } cat)) return NotFound("年度活动或申报类别不存在。");
        var vote = await workflow.VoteAsync(cycle, cat, request.ApplicationId, user.UserId(), request.Recommend, request.Reason, ct);
        return TypedResults.Ok(new VoteDto(vote.Recommend, vote.Reason, vote.CastAt));
    }

    private static async Task<Results<Ok<ConflictDto>, NotFoundProblem>> ConflictAsync(Guid cycleId, string category, ConflictRequest request, ClaimsPrincipal user, AppDbContext db,
        EvaluationWorkflow workflow, CancellationToken ct)
    {
        if (await ResolveAsync(db, cycleId, category, ct) is not ({ } cycle, { } cat)) return NotFound("年度活动或申报类别不存在。");
        var me = user.UserId();
        var office = user.IsOffice();
        var conflict = await workflow.DeclareConflictAsync(cycle, cat, request.ApplicationId, office ? request.MemberId ?? "" : me,
            office ? CommitteeConflictSource.OfficeRecorded : CommitteeConflictSource.MemberDeclared, request.Reason, me, ct);
        return TypedResults.Ok(new ConflictDto(conflict.Id, conflict.Source.ToString()));
    }

    private static async Task<Results<Ok<RecordedDto>, NotFoundProblem>> RecordAsync(Guid cycleId, string category, RecordRequest request, AppDbContext db, EvaluationWorkflow workflow,
        CancellationToken ct)
    {
        if (await ResolveAsync(db, cycleId, category, ct) is not ({ } cycle, { } cat)) return NotFound("年度活动或申报类别不存在。");
        var d = await workflow.RecordAsync(cycle, cat, request.Entries.Select(e => new EvaluationOutcome(e.ApplicationId, e.Recommended, e.Reason)).ToList(),
            request.Entries.Where(e => e.Recommended).Select(e => e.ApplicationId).ToList(), request.NoneReason, request.Version, ct);
        return TypedResults.Ok(new RecordedDto(d.Status.ToString(), d.RecommendedCount, d.Version));
    }

    private static async Task<Results<Ok<FinalisedDto>, NotFoundProblem>> FinaliseAsync(Guid cycleId, string category, FinaliseRequest? request, ClaimsPrincipal user, AppDbContext db,
        EvaluationWorkflow workflow, CancellationToken ct)
    {
        if (await ResolveAsync(db, cycleId, category, ct) is not ({ } cycle, { } cat)) return NotFound("年度活动或申报类别不存在。");
        var d = await workflow.FinaliseAsync(cycle, cat, user.UserId(), request?.Version, ct,
            Applications.Gates.LeftOutItem.Reasons(request?.LeftOut));
        return TypedResults.Ok(new FinalisedDto(d.Status.ToString(), d.RecommendedCount, d.FinalisedAt, d.Version));
    }

    private static async Task<Results<Ok<ReopenedDto>, NotFoundProblem>> ReopenAsync(Guid cycleId, string category, ReopenRequest request, AppDbContext db, EvaluationWorkflow workflow,
        CancellationToken ct)
    {
        if (await ResolveAsync(db, cycleId, category, ct) is not ({ } cycle, { } cat)) return NotFound("年度活动或申报类别不存在。");
        var d = await workflow.ReopenAsync(cycle, cat, request.Reason, request.Version, ct);
        return TypedResults.Ok(new ReopenedDto(d.Status.ToString(), d.Version));
    }

    private static async Task<(Cycle?, AwardCategory?)> ResolveAsync(AppDbContext db, Guid cycleId, string category, CancellationToken ct)
    {
        if (!Enum.TryParse<AwardCategory>(category, ignoreCase: true, out var cat) || !Enum.IsDefined(cat)) return (null, null);
        return (await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct), cat);
    }

    private static NotFoundProblem NotFound(string detail) => new("未找到", detail);
}
