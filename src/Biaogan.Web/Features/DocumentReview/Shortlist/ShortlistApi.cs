using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Shortlist;

/// <summary>
/// The office's moves on the committee's 入围评议 over JSON (votes and conflicts are in ShortlistCommitteeApi): reveal the names of a
/// category, record the outcome, finalise, reopen, withdraw a conflict — the same <see cref="ShortlistWorkflow"/> methods as
/// /DocumentReview/Shortlist.
/// </summary>
public static class ShortlistApi
{
    public sealed record EntryDto(Guid ApplicationId, bool Selected, int VotesFor, int VotesAgainst, int Recused, string Reason);

    public sealed record DecisionDto(Guid CycleId, string Category, string CategoryText, string Status, bool NamesRevealed,
        DateTimeOffset? RecordedAt, DateTimeOffset? FinalisedAt, int Version, IReadOnlyList<EntryDto> Entries);

    public sealed record OutcomeItem(Guid ApplicationId, bool Selected, string? Reason);

    public sealed record RecordRequest(IReadOnlyList<OutcomeItem>? Entries, int Version);

    /// <summary>LeftOut: a reason per unfinished application of the category that the office leaves out (the gate).</summary>
    public sealed record FinaliseRequest(int Version, IReadOnlyList<LeftOutItem>? LeftOut);

    public sealed record ReasonRequest(string? Reason);

    public static void MapShortlistApi(this WebApplication app)
    {
        var api = app.MapApi("/document-review/shortlist", "资料评审排名、入围与反馈")
            .RequireAuthorization(Policies.Office);
        api.MapPost("/{cycleId:guid}/{category}/reveal", RevealAsync)
            .WithSummary("向评审委员会公开本类别申报组织名称（category：Enterprise 企业类 / Service 服务类）（活动办公室）");
        api.MapPost("/{cycleId:guid}/{category}/record", RecordAsync)
            .WithSummary("记录评审委员会的入围评议结果：逐项是否入围及理由，票数按当时的投票记录（须带 version）（活动办公室）");
        api.MapPost("/{cycleId:guid}/{category}/finalise", FinaliseAsync).WithSummary("确定本类别入围名单；仍在资格审查、补正、评分或一致性评审中的申报须逐项在 leftOut 中填写留出原因，否则 422 并列出这些申报（活动办公室）");
        api.MapPost("/{cycleId:guid}/{category}/reopen", ReopenAsync).WithSummary("撤销入围名单的确定，须填原因；已据此安排现场评审时须先撤回现场评审安排（活动办公室）");
        api.MapPost("/conflicts/{conflictId:guid}/withdraw", WithdrawConflictAsync).WithSummary("撤销一条评审委员会委员的回避记录，须填原因（活动办公室）");
    }

    private static Task<Results<Ok<DecisionDto>, NotFoundProblem>> RevealAsync(Guid cycleId, string category, AppDbContext db,
        ShortlistWorkflow workflow, CancellationToken ct) =>
        ActAsync(db, cycleId, category, k => workflow.RevealNamesAsync(cycleId, k, ct), ct);

    private static Task<Results<Ok<DecisionDto>, NotFoundProblem>> RecordAsync(Guid cycleId, string category, RecordRequest body, AppDbContext db,
        ShortlistWorkflow workflow, CancellationToken ct) =>
        ActAsync(db, cycleId, category, k => workflow.RecordOutcomeAsync(cycleId, k,
            (body.Entries ?? []).Select(e => new OutcomeInput(e.ApplicationId, e.Selected, e.Reason)).ToList(), body.Version, ct), ct);

    private static Task<Results<Ok<DecisionDto>, NotFoundProblem>> FinaliseAsync(Guid cycleId, string category, FinaliseRequest body,
        ClaimsPrincipal user, AppDbContext db, ShortlistWorkflow workflow, CancellationToken ct) =>
        ActAsync(db, cycleId, category, k => workflow.FinaliseAsync(cycleId, k, user.UserId(), body.Version, ct, LeftOutItem.Reasons(body.LeftOut)), ct);

    private static Task<Results<Ok<DecisionDto>, NotFoundProblem>> ReopenAsync(Guid cycleId, string category, ReasonRequest body, AppDbContext db,
        ShortlistWorkflow workflow, CancellationToken ct) =>
        ActAsync(db, cycleId, category, k => workflow.ReopenAsync(cycleId, k, body.Reason, ct), ct);

    private static async Task<NoContent> WithdrawConflictAsync(Guid conflictId, ReasonRequest body, ShortlistWorkflow workflow, CancellationToken ct)
    {
        await workflow.WithdrawConflictAsync(conflictId, body.Reason, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<DecisionDto>, NotFoundProblem>> ActAsync(AppDbContext db, Guid cycleId, string category,
        Func<AwardCategory, Task> act, CancellationToken ct)
    {
        if (!Enum.TryParse<AwardCategory>(category, ignoreCase: true, out var k) || !Enum.IsDefined(k)
            || !await db.Set<Cycle>().AnyAsync(c => c.Id == cycleId, ct))
            return new NotFoundProblem("未找到", "年度活动或申报类别不存在（类别为 Enterprise 企业类或 Service 服务类）。");
        await act(k);
        db.ChangeTracker.Clear();
        var d = await db.Set<ShortlistDecision>().AsNoTracking().FirstAsync(x => x.CycleId == cycleId && x.Category == k, ct);
        return TypedResults.Ok(new DecisionDto(d.CycleId, d.Category.ToString(), Cycle.CategoryDisplay(d.Category), d.Status.ToString(),
            d.NamesRevealed, d.RecordedAt, d.FinalisedAt, d.Version,
            d.Entries.Select(e => new EntryDto(e.ApplicationId, e.Selected, e.VotesFor, e.VotesAgainst, e.Recused, e.Reason)).ToList()));
    }
}
