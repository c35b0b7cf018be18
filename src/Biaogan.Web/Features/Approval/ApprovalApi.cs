using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Approval;

/// <summary>
/// /api/approval — the 审定 round of the open cycle (第二十二条), the same moves as the /Approval page through the same
/// <see cref="ApprovalWorkflow"/>: the office opens it, the approval committee votes, the office records and finalises.
/// </summary>
public static class ApprovalApi
{
    public sealed record ItemDto(Guid ApplicationId, int Order, int Position, string? Number, string Organization, string Category, string? ServiceName,
        int VotesFor, int VotesAgainst, int Recused, bool? Approved, string Reason, string? MyChoice);

    public sealed record VoteDto(Guid ApplicationId, string Member, string Choice, string ChoiceText, string Reason, DateTimeOffset At);

    /// <summary>
    /// The round: the counts of the whole list, one page of its items (<c>{items, total, page, pageCount, pageSize}</c>) and the
    /// votes on the page's items — every member's for the office, only the caller's own for a member.
    /// </summary>
    public sealed record RoundDto(Guid CycleId, string Status, DateTimeOffset CreatedAt, DateTimeOffset? FinalisedAt, int Version,
        int Count, int Approved, int NotApproved, int Undecided, Paged<ItemDto> Items, IReadOnlyList<VoteDto> Votes);

    /// <summary>The open cycle's state: the round once opened, otherwise why it cannot be opened yet (null when it can).</summary>
    public sealed record StateDto(Guid CycleId, string? Blocker, RoundDto? Round);

    /// <param name="Choice">Approve（同意）、NotApprove（不同意，须填理由）or Recused（回避，须说明利益关系）.</param>
    public sealed record VoteRequest(Guid ApplicationId, string? Choice, string? Reason, int Version);

    public sealed record DecisionItem(Guid ApplicationId, bool Approved, string? Reason);

    public sealed record DecideRequest(IReadOnlyList<DecisionItem>? Decisions, int Version);

    public sealed record VersionRequest(int Version);

    /// <summary>LeftOut: a reason per organisation with an objection still open that the office leaves out (the gate).</summary>
    public sealed record FinaliseRequest(int Version, IReadOnlyList<Applications.Gates.LeftOutItem>? LeftOut);

    public sealed record WithdrawRequest(int Version, string? Reason);

    public sealed record FinalisedDto(RoundDto Round, IReadOnlyList<string> CertificateNumbers);

    public static void MapApprovalApi(this WebApplication app)
    {
        var api = app.MapApi("/approval", "审定");
        api.MapGet("", StateAsync).RequireAuthorization(Policies.ApprovalCommittee)
            .WithSummary("当前年度的审定：尚未开始时给出不能开始的原因；已开始时给出全部名单的结论统计和一页名单（round.items 分页：items、total、page、pageCount、pageSize）及其表决统计、审定结论；可按 status（Undecided、Approved、NotApproved）、category、region、industry、group、q 筛选，sort 可为 order、number、name、category、for、against、decision（活动办公室、审定委员会）");
        api.MapPost("/start", StartAsync).RequireAuthorization(Policies.Office)
            .WithSummary("公示期满且异议全部办结后，将公示后的推荐名单提交审定委员会审定（活动办公室）");
        api.MapPost("/votes", VoteAsync).RequireAuthorization(Policies.ApprovalCommitteeMember)
            .WithSummary("审定委员会委员表决：Approve 同意、NotApprove 不同意（须填理由）或 Recused 回避（须说明利益关系）；再次表决替换本人先前的意见");
        api.MapPost("/decisions", DecideAsync).RequireAuthorization(Policies.Office)
            .WithSummary("记录审定委员会对各组织的审定结论及理由（活动办公室）");
        api.MapPost("/withdraw", async (WithdrawRequest body, ApprovalWorkflow workflow, ApprovalListUse use, CancellationToken ct) =>
            {
                var cycle = await workflow.CurrentCycleAsync(ct) ?? throw new Infrastructure.Errors.DomainRuleException("当前没有进行中的年度活动。");
                await use.WithdrawAsync(cycle.Id, body.Version, body.Reason, ct);
                return TypedResults.NoContent();
            }).RequireAuthorization(Policies.Office)
            .WithSummary("撤回尚未完成的审定（须填 reason），以便更正公示名单（活动办公室）");
        api.MapPost("/finalise", FinaliseAsync).RequireAuthorization(Policies.Office)
            .WithSummary("完成审定：为审定通过的组织按名单顺序颁发证书编号，公开名单随即更新；仍有异议未办结的组织须在 leftOut 中填写留出原因（活动办公室）");
    }

    private static async Task<Results<Ok<StateDto>, NotFoundProblem, ValidationProblem>> StateAsync([AsParameters] ApprovalFilter filter,
        [AsParameters] ListQuery list, ClaimsPrincipal user, AppDbContext db, ApprovalWorkflow workflow, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var cycle = await workflow.CurrentCycleAsync(ct);
        if (cycle is null) return NoCycle();
        var round = await db.Set<ApprovalRound>().AsNoTracking().FirstOrDefaultAsync(r => r.CycleId == cycle.Id, ct);
        return TypedResults.Ok(new StateDto(cycle.Id, round is null ? await workflow.BlockerAsync(cycle.Id, ct) : null,
            round is null ? null : await DtoAsync(db, round, user, filter, list, ct)));
    }

    private static async Task<Ok<RoundDto>> StartAsync(ClaimsPrincipal user, AppDbContext db, ApprovalWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await DtoAsync(db, await workflow.OpenCurrentAsync(ct), user, ct));

    private static async Task<Results<Ok<RoundDto>, BadRequestProblem>> VoteAsync(VoteRequest body, ClaimsPrincipal user, CurrentActor actor,
        AppDbContext db, ApprovalWorkflow workflow, CancellationToken ct)
    {
        if (!Enum.TryParse<ApprovalChoice>(body.Choice, ignoreCase: true, out var choice) || !Enum.IsDefined(choice))
            return new BadRequestProblem("请求有误", "choice 应为 Approve（同意）、NotApprove（不同意）或 Recused（回避）。");
        var round = await workflow.VoteAsync(body.Version, user.UserId(), actor.Name, body.ApplicationId, choice, body.Reason, ct);
        return TypedResults.Ok(await DtoAsync(db, round, user, ct));
    }

    private static async Task<Results<Ok<RoundDto>, BadRequestProblem>> DecideAsync(DecideRequest body, ClaimsPrincipal user,
        AppDbContext db, ApprovalWorkflow workflow, CancellationToken ct)
    {
        if (body.Decisions is not { Count: > 0 } decisions)
            return new BadRequestProblem("请求有误", "请在 decisions 中至少给出一个组织的审定结论（applicationId、approved、reason）。");
        var round = await workflow.DecideAsync(body.Version, decisions.Select(d => (d.ApplicationId, d.Approved, d.Reason)).ToList(), ct);
        return TypedResults.Ok(await DtoAsync(db, round, user, ct));
    }

    private static async Task<Ok<FinalisedDto>> FinaliseAsync(FinaliseRequest body, ClaimsPrincipal user, AppDbContext db,
        ApprovalWorkflow workflow, CancellationToken ct)
    {
        var awards = await workflow.FinaliseCurrentAsync(body.Version, user.UserId(), ct, Applications.Gates.LeftOutItem.Reasons(body.LeftOut));
        var cycle = (await workflow.CurrentCycleAsync(ct))!;
        var round = await db.Set<ApprovalRound>().AsNoTracking().FirstAsync(r => r.CycleId == cycle.Id, ct);
        return TypedResults.Ok(new FinalisedDto(await DtoAsync(db, round, user, ct), awards.Select(a => a.CertificateNumber).ToList()));
    }

    private static NotFoundProblem NoCycle() => new("没有进行中的年度活动", "当前没有进行中的年度活动，审定无从开始。");

    /// <summary>The round as a write answers it: the first page of the whole list in its own order.</summary>
    private static Task<RoundDto> DtoAsync(AppDbContext db, ApprovalRound r, ClaimsPrincipal user, CancellationToken ct) =>
        DtoAsync(db, r, user, new ApprovalFilter(), new ListQuery(), ct);

    private static async Task<RoundDto> DtoAsync(AppDbContext db, ApprovalRound r, ClaimsPrincipal user, ApprovalFilter filter, ListQuery list,
        CancellationToken ct)
    {
        var me = user.UserId();
        var office = user.IsOffice();
        var page = await ApprovalList.PageAsync(db, r, filter, list, ct);
        var shown = page.Items.Select(x => x.Item.ApplicationId).ToHashSet();
        return new RoundDto(r.CycleId, r.Status.ToString(), r.CreatedAt, r.FinalisedAt, r.Version, r.Items.Count,
            r.Items.Count(i => i.Approved == true), r.Items.Count(i => i.Approved == false), r.Items.Count(i => i.Approved is null),
            page.Map(row =>
            {
                var i = row.Item;
                var mine = r.Votes.FirstOrDefault(v => v.ApplicationId == i.ApplicationId && v.MemberId == me);
                return new ItemDto(i.ApplicationId, i.Order, row.Position, row.Number, i.OrganizationName, i.Category.ToString(), i.ServiceName,
                    row.For, row.Against, row.Recused, i.Approved, i.Reason, mine?.Choice.ToString());
            }),
            r.Votes.Where(v => shown.Contains(v.ApplicationId) && (office || v.MemberId == me)).OrderBy(v => v.At)
                .Select(v => new VoteDto(v.ApplicationId, v.MemberName, v.Choice.ToString(), ApprovalRound.ChoiceDisplay(v.Choice), v.Reason, v.At))
                .ToList());
    }
}
