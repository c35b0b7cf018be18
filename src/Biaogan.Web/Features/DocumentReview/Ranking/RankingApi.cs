using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Feedback;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>JSON API of the ranking, the committee's shortlist and the feedback reports (资料评审 后段).</summary>
public static class RankingApi
{
    /// <summary>A ranking line; <c>applicationId</c> and <c>number</c> are null, and <c>name</c> an alias, while names are hidden from the caller.</summary>
    public sealed record RowDto(int Rank, Guid? ApplicationId, string? Number, string Name, bool NameShown, double? ConsensusPoints,
        double? RawMean, double? Calibrated, int? CalibratedRank, bool IsCalibrated, double? Spread, double? StdDev, int SubmittedSheets, string? Note);

    public sealed record CategoryDto(string Category, string CategoryText, IReadOnlyList<RowDto> Rows);

    public sealed record RankingDto(Guid CycleId, string CycleName, double TotalPoints, IReadOnlyList<CategoryDto> Categories, IReadOnlyList<string> CalibrationNotes);

    public sealed record DecisionDto(string Category, string CategoryText, string Status, bool NamesRevealed, DateTimeOffset? FinalisedAt,
        IReadOnlyList<EntryDto> Entries);

    public sealed record EntryDto(Guid ApplicationId, bool Selected, int VotesFor, int VotesAgainst, int Recused, string Reason);

    /// <param name="Category">Enterprise（企业类）or Service（服务类）.</param>
    public sealed record VoteRequest(Guid CycleId, string Category, Guid? ApplicationId, string? Alias, bool Select, string? Reason);

    public sealed record ConflictRequest(Guid CycleId, Guid ApplicationId, string? Reason, string? MemberId);

    public sealed record FeedbackDto(Guid ApplicationId, string Status, string StatusText, string Organization, string? Number, string Category,
        string Summary, IReadOnlyList<FeedbackSection> Sections, DateTimeOffset? ReleasedAt, string PdfUrl);

    public sealed record VoteDto(bool Select, string Reason, DateTimeOffset CastAt);

    public sealed record ConflictDto(Guid Id, string Source);

    public static void MapRankingApi(this WebApplication app)
    {
        var group = app.MapApi("/document-review", "资料评审排名、入围与反馈");
        var committee = new[] { Roles.Office, Roles.Admin, Roles.ReviewCommittee };
        group.MapGet("/ranking/{cycleId:guid}", RankingAsync).RequireAuthorization(p => p.RequireRole(committee))
            .WithSummary("资料评审排名（按类别）：一致性总分、原始平均分、校准分、分差；评审委员会委员在名称公开前只看到代号（活动办公室、评审委员会）");
        group.MapGet("/shortlist/{cycleId:guid}", ShortlistAsync).RequireAuthorization(p => p.RequireRole(Roles.Office, Roles.Admin))
            .WithSummary("评审委员会入围评议结果：各类别状态、逐项是否入围、票数和理由（活动办公室）");
        group.MapGet("/shortlist/{cycleId:guid}/selected", SelectedAsync).RequireAuthorization(p => p.RequireRole(Roles.Office, Roles.Admin))
            .WithSummary("已确定进入现场评审的申报 id 列表（活动办公室）");
        group.MapPost("/shortlist/votes", VoteAsync).RequireAuthorization(p => p.RequireRole(Roles.ReviewCommittee))
            .WithSummary("评审委员会委员投票：入围或不入围，须填理由；名称隐藏期间以代号（alias）指明申报；回避的申报不能投票");
        group.MapPost("/shortlist/conflicts", ConflictAsync).RequireAuthorization(p => p.RequireRole(committee))
            .WithSummary("登记评审委员会委员的利益冲突（回避）：委员为本人申报，活动办公室可为指定委员（memberId）登记");
        group.MapGet("/feedback/{applicationId:guid}", FeedbackAsync)
            .WithSummary("资料评审反馈报告内容（活动办公室；申报组织在发放后可查看本组织的报告，其他人 404）");
        group.MapGet("/feedback/{applicationId:guid}/pdf", FeedbackPdfAsync)
            .WithSummary("资料评审反馈报告 PDF（权限同上）");
        app.MapShortlistApi();
        app.MapFeedbackApi();
    }

    private static async Task<Results<Ok<RankingDto>, NotFoundProblem>> RankingAsync(Guid cycleId, ClaimsPrincipal user, AppDbContext db, ShortlistWorkflow shortlist, CancellationToken ct)
    {
        var board = await RankingAccess.BoardForAsync(db, shortlist, user, cycleId, ct);
        if (board is null) return NotFound("年度活动不存在。");
        return TypedResults.Ok(new RankingDto(board.CycleId, board.CycleName, board.TotalPoints,
            board.Categories.Select(c => new CategoryDto(c.Category.ToString(), c.CategoryText, c.Rows.Select(r => new RowDto(r.Rank,
                r.NameShown ? r.ApplicationId : null, r.Number, r.Name, r.NameShown, r.ConsensusPoints, r.RawMean, r.Calibrated, r.CalibratedRank,
                r.IsCalibrated, r.Spread, r.StdDev, r.SubmittedSheets, r.Note)).ToList())).ToList(),
            board.SmallComponents.Select(c => c.Explanation ?? "").ToList()));
    }

    private static async Task<Results<Ok<List<DecisionDto>>, NotFoundProblem>> ShortlistAsync(Guid cycleId, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Set<Cycle>().AnyAsync(c => c.Id == cycleId, ct)) return NotFound("年度活动不存在。");
        var decisions = await ShortlistQueries.DecisionsAsync(db, cycleId, ct);
        return TypedResults.Ok(decisions.OrderBy(d => d.Category).Select(d => new DecisionDto(d.Category.ToString(), Cycle.CategoryDisplay(d.Category),
            d.Status.ToString(), d.NamesRevealed, d.FinalisedAt,
            d.Entries.Select(e => new EntryDto(e.ApplicationId, e.Selected, e.VotesFor, e.VotesAgainst, e.Recused, e.Reason)).ToList())).ToList());
    }

    private static async Task<Ok<IReadOnlyList<Guid>>> SelectedAsync(Guid cycleId, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ShortlistQueries.SelectedAsync(db, cycleId, ct));

    private static async Task<Results<Ok<VoteDto>, BadRequestProblem, NotFoundProblem>> VoteAsync(VoteRequest request, ClaimsPrincipal user, ShortlistWorkflow workflow, CancellationToken ct)
    {
        if (!Enum.TryParse<AwardCategory>(request.Category, ignoreCase: true, out var category) || !Enum.IsDefined(category))
            return new BadRequestProblem("请求有误", "申报类别应为 Enterprise（企业类）或 Service（服务类）。");
        var id = request.ApplicationId;
        if (id is null && request.Alias is { Length: > 0 } alias) id = await workflow.ResolveAliasAsync(request.CycleId, category, alias, ct);
        if (id is null) return NotFound("未找到该申报。");
        var vote = await workflow.VoteAsync(request.CycleId, category, id.Value, user.UserId(),
            request.Select, request.Reason, ct);
        return TypedResults.Ok(new VoteDto(vote.Select, vote.Reason, vote.CastAt));
    }

    private static async Task<Ok<ConflictDto>> ConflictAsync(ConflictRequest request, ClaimsPrincipal user, ShortlistWorkflow workflow, CancellationToken ct)
    {
        var me = user.UserId();
        var office = user.IsOffice();
        var conflict = await workflow.RecordConflictAsync(request.CycleId, request.ApplicationId, office ? request.MemberId ?? "" : me,
            office ? CommitteeConflictSource.OfficeRecorded : CommitteeConflictSource.MemberDeclared, request.Reason, me, ct);
        return TypedResults.Ok(new ConflictDto(conflict.Id, conflict.Source.ToString()));
    }

    private static async Task<Results<Ok<FeedbackDto>, NotFoundProblem>> FeedbackAsync(Guid applicationId, ClaimsPrincipal user, FeedbackWorkflow workflow, CancellationToken ct)
    {
        var view = await workflow.ReadableAsync(user, applicationId, ct);
        if (view is null) return NotFound("反馈报告不存在，或您无权查看。");
        var r = view.Report;
        return TypedResults.Ok(new FeedbackDto(r.ApplicationId, r.Status.ToString(), FeedbackReport.StatusDisplay(r.Status), view.Header.Organization,
            view.Header.Number, view.Header.Category, r.Summary, r.Sections, r.ReleasedAt, $"/api/document-review/feedback/{r.ApplicationId}/pdf"));
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> FeedbackPdfAsync(Guid applicationId, ClaimsPrincipal user, FeedbackWorkflow workflow, CancellationToken ct)
    {
        var view = await workflow.ReadableAsync(user, applicationId, ct);
        if (view is null) return NotFound("反馈报告不存在，或您无权查看。");
        return TypedResults.File(FeedbackWorkflow.Pdf(view), "application/pdf", FeedbackWorkflow.FileName(view));
    }

    private static NotFoundProblem NotFound(string detail) => new("未找到", detail);
}
