using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>/api/confirmation — the confirmation groups (确认组) and their opinions over JSON.</summary>
public static class ConfirmationGroupApi
{
    public sealed record SeatRequest(Guid? ReviewerId, bool Leader);
    public sealed record ReasonRequest(string? Reason, int? Version);
    public sealed record DeclareRequest(bool Accept, int? Version);
    public sealed record ConflictRequest(string? Statement, int? Version);
    public sealed record OpinionRequest(IReadOnlyList<DimensionRating>? Ratings, Proposal? Proposal, string? ProposalReason, int? Version);

    public static void MapConfirmationGroupApi(this WebApplication app)
    {
        var api = app.MapApi("/confirmation", "获奖三年后确认");
        api.MapGet("/rounds/{id:guid}/groups", GroupsAsync).RequireAuthorization(Policies.SupervisionStaff)
            .WithSummary("一个批次的确认组：成员、声明状态、确认组意见和可选评审员（含利益冲突说明）（活动办公室、领导小组）");
        api.MapPost("/rounds/{id:guid}/groups/propose", async (Guid id, ConfirmationGroups g, AppDbContext db, GroupCandidates c, CancellationToken ct) =>
            {
                await g.ProposeAsync(id, ct);
                return await GroupsAsync(id, db, c, g, ct);
            }).RequireAuthorization(Policies.Office)
            .WithSummary("用分配引擎为尚无确认组的标杆生成建议（回避规则同资料评审；建议在通知前可调整）（活动办公室）");
        api.MapPost("/rounds/{id:guid}/groups/apply", async (Guid id, ConfirmationGroups g, AppDbContext db, GroupCandidates c, CancellationToken ct) =>
            {
                await g.ApplyAsync(id, ct);
                return await GroupsAsync(id, db, c, g, ct);
            }).RequireAuthorization(Policies.Office)
            .WithSummary("确定确认组组成：再次检查利益冲突，通知评审员，设定意见截止日期并安排截止前提醒（活动办公室）");
        api.MapPost("/entries/{id:guid}/seats", AddSeatAsync).RequireAuthorization(Policies.Office)
            .WithSummary("手工添加确认组成员（reviewerId；leader 为真时担任组长）；存在利益冲突、已满负荷或与组内成员同单位的评审员会被拒绝（活动办公室）");
        api.MapPost("/seats/{id:guid}/remove", async Task<Results<Ok<SeatView>, ValidationProblem, NotFoundProblem>> (Guid id, ReasonRequest r, ConfirmationGroups g, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(r.Reason)) return ApiValidation.Problem(new() { ["reason"] = ["请填写调整理由（如“评审员因故不能参加”）。"] });
                return await g.RemoveAsync(id, r.Reason, ct) is { } s ? TypedResults.Ok(GroupViews.Seat(s, false)) : NotFound();
            }).RequireAuthorization(Policies.Office).WithSummary("将成员移出确认组（须填写理由）（活动办公室）");
        api.MapPost("/seats/{id:guid}/leader", async Task<Results<Ok<SeatView>, NotFoundProblem>> (Guid id, ConfirmationGroups g, CancellationToken ct) =>
                await g.LeaderAsync(id, ct) is { } s ? TypedResults.Ok(GroupViews.Seat(s, false)) : NotFound())
            .RequireAuthorization(Policies.Office).WithSummary("指定确认组组长（组长提交确认组意见）（活动办公室）");
        api.MapPost("/entries/{id:guid}/without-opinion", async Task<Results<Ok<GroupEntryLine>, ValidationProblem, NotFoundProblem>> (Guid id, ReasonRequest r,
                ConfirmationGroups g, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(r.Reason)) return ApiValidation.Problem(new() { ["reason"] = ["请填写不经确认组意见直接提交领导小组审议的理由。"] });
                return await g.ProceedWithoutAsync(id, r.Version, r.Reason, ct) is { } e ? TypedResults.Ok(new GroupEntryLine(e.Id, e.NoOpinionReason, e.Version)) : NotFound();
            }).RequireAuthorization(Policies.Office)
            .WithSummary("记录不经确认组意见提交领导小组审议的理由（如无法组成确认组）（活动办公室）");
        api.MapGet("/entries/{id:guid}/opinions", async (Guid id, AppDbContext db, CancellationToken ct) => TypedResults.Ok(await GroupViews.OpinionsAsync(db, id, ct)))
            .RequireAuthorization(Policies.SupervisionStaff).WithSummary("一个标杆已提交的确认意见（确认组意见在前；保密，获奖组织不可见）（活动办公室、领导小组）");

        api.MapGet("/seats", (ClaimsPrincipal u, AppDbContext db, CancellationToken ct) => SeatViews.MineAsync(db, u.RequiredUserId(), ct))
            .RequireAuthorization(Policies.Reviewer).WithSummary("我的确认组席位（评审员）");
        api.MapGet("/seats/{id:guid}", async Task<Results<Ok<MySeatView>, NotFoundProblem>> (Guid id, ClaimsPrincipal u, AppDbContext db, ConfirmationWorkflow w,
                SeatWorkflow s, CancellationToken ct) =>
                await s.MineAsync(u, id, ct) is { } seat ? TypedResults.Ok(await SeatViews.SeatAsync(db, w, s, seat, ct)) : NotFound())
            .RequireAuthorization(Policies.Reviewer).WithSummary("一个确认组席位：签署声明后可查阅组织的确认材料（存在利益冲突时不显示）和本人意见（本人席位）");
        api.MapPost("/seats/{id:guid}/declare", async Task<Results<Ok<SeatView>, NotFoundProblem>> (Guid id, DeclareRequest r, ClaimsPrincipal u, SeatWorkflow s, CancellationToken ct) =>
                await s.DeclareAsync(u, id, r.Version, r.Accept, ct) is { } seat ? TypedResults.Ok(GroupViews.Seat(seat, false)) : NotFound())
            .RequireAuthorization(Policies.Reviewer).WithSummary("签署无利益冲突声明和保密承诺（accept 须为真）（本人席位）");
        api.MapPost("/seats/{id:guid}/conflict", async Task<Results<Ok<SeatView>, NotFoundProblem>> (Guid id, ConflictRequest r, ClaimsPrincipal u, SeatWorkflow s, CancellationToken ct) =>
                await s.DeclareConflictAsync(u, id, r.Version, r.Statement, ct) is { } seat ? TypedResults.Ok(GroupViews.Seat(seat, false)) : NotFound())
            .RequireAuthorization(Policies.Reviewer).WithSummary("申报利益冲突：记录为已确认的利益冲突，退出确认组并通知活动办公室（本人席位）");
        api.MapPut("/seats/{id:guid}/opinion", (Guid id, OpinionRequest r, ClaimsPrincipal u, SeatWorkflow s, CancellationToken ct) => SaveAsync(id, r, u, s, false, ct))
            .RequireAuthorization(Policies.Reviewer).WithSummary("保存确认意见草稿（ratings：dimension、trend Stable/Improving/Declining、reason；proposal Confirm/NotConfirm）（本人席位）");
        api.MapPost("/seats/{id:guid}/opinion/submit", (Guid id, OpinionRequest r, ClaimsPrincipal u, SeatWorkflow s, CancellationToken ct) => SaveAsync(id, r, u, s, true, ct))
            .RequireAuthorization(Policies.Reviewer).WithSummary("提交确认意见（每个维度的判断和理由、建议及理由均须填写）；组长提交的即为确认组意见，并通知活动办公室（本人席位）");
    }

    public sealed record GroupEntryLine(Guid EntryId, string? NoOpinionReason, int Version);

    private static async Task<Results<Ok<GroupsView>, NotFoundProblem>> GroupsAsync(Guid id, AppDbContext db, GroupCandidates c, ConfirmationGroups g, CancellationToken ct) =>
        await GroupViews.RoundAsync(db, c, g.GroupSize, id, ct) is { } v ? TypedResults.Ok(v) : NotFound();

    private static async Task<Results<Ok<SeatView>, ValidationProblem, NotFoundProblem>> AddSeatAsync(Guid id, SeatRequest r, ConfirmationGroups g, CancellationToken ct)
    {
        if (r.ReviewerId is not { } reviewer) return ApiValidation.Problem(new() { ["reviewerId"] = ["请选择要加入确认组的评审员。"] });
        return await g.AddAsync(id, reviewer, r.Leader, ct) is { } s ? TypedResults.Ok(GroupViews.Seat(s, false)) : NotFound();
    }

    private static async Task<Results<Ok<OpinionView>, NotFoundProblem>> SaveAsync(Guid id, OpinionRequest r, ClaimsPrincipal u, SeatWorkflow s, bool submit,
        CancellationToken ct) =>
        await s.SaveOpinionAsync(u, id, r.Version, new OpinionForm(r.Ratings ?? [], r.Proposal, r.ProposalReason), submit, ct) is { } o
            ? TypedResults.Ok(GroupViews.Opinion(o)) : NotFound();

    private static NotFoundProblem NotFound() => new("未找到", "该确认组、席位或确认材料不存在，或您没有查看权限。");
}
