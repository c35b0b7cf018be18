using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Shortlist;

/// <summary>The committee's side of 入围评议 over JSON: the outcome per category, the selected list, votes and conflicts.</summary>
public static class ShortlistCommitteeApi
{
    public sealed record DecisionDto(string Category, string CategoryText, string Status, bool NamesRevealed, DateTimeOffset? FinalisedAt,
        IReadOnlyList<EntryDto> Entries);

    public sealed record EntryDto(Guid ApplicationId, bool Selected, int VotesFor, int VotesAgainst, int Recused, string Reason);

    /// <param name="Category">Enterprise（企业类）or Service（服务类）.</param>
    public sealed record VoteRequest(Guid CycleId, string Category, Guid? ApplicationId, string? Alias, bool Select, string? Reason);

    public sealed record ConflictRequest(Guid CycleId, Guid ApplicationId, string? Reason, string? MemberId);

    public sealed record VoteDto(bool Select, string Reason, DateTimeOffset CastAt);

    public sealed record ConflictDto(Guid Id, string Source);

    public static void MapShortlistCommitteeApi(this WebApplication app)
    {
        var group = app.MapApi("/document-review", "资料评审排名、入围与反馈");
        group.MapGet("/shortlist/{cycleId:guid}", ShortlistAsync).RequireAuthorization(Policies.Office)
            .WithSummary("评审委员会入围评议结果：各类别状态、逐项是否入围、票数和理由（活动办公室）");
        group.MapGet("/shortlist/{cycleId:guid}/selected", SelectedAsync).RequireAuthorization(Policies.Office)
            .WithSummary("已确定进入现场评审的申报 id 列表（活动办公室）");
        group.MapPost("/shortlist/votes", VoteAsync).RequireAuthorization(Policies.ReviewCommitteeMember)
            .WithSummary("评审委员会委员投票：入围或不入围，须填理由；名称隐藏期间以代号（alias）指明申报；回避的申报不能投票");
        group.MapPost("/shortlist/conflicts", ConflictAsync).RequireAuthorization(Policies.ReviewCommittee)
            .WithSummary("登记评审委员会委员的利益冲突（回避）：委员为本人申报，活动办公室可为指定委员（memberId）登记");
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

    private static NotFoundProblem NotFound(string detail) => new("未找到", detail);
}
