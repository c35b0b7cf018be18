using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>
/// /api/notices and /api/objections — the office's 公示 and 异议 handling (第二十一条) and the organisation's reply, the same
/// moves as the /PublicNotice pages through the same <see cref="NoticeWorkflow"/>. The organisation concerned never sees
/// who objected; anyone else learns nothing of an objection (404).
/// </summary>
public static class NoticeApi
{
    public sealed record EntryDto(Guid ApplicationId, int Order, string Organization, string Category, string? ServiceName, string Description,
        bool Removed, string? RemovalReason);

    public sealed record NoticeDto(Guid Id, Guid CycleId, int Year, string Status, string Phase, string Title, string Text, DateOnly? StartDate,
        DateOnly? EndDate, bool EndConfirmed, int Workdays, DateTimeOffset? ObjectionDeadline, string PostalAddress, string Phone, string Email,
        DateTimeOffset? PublishedAt, int Version, IReadOnlyList<EntryDto> Entries);

    public sealed record NoteDto(DateTimeOffset At, string ByName, string Text);

    /// <summary>The office's view of an objection, with the objector's identity (confidential to the office).</summary>
    public sealed record ObjectionDto(Guid Id, string ReceiptNumber, Guid ApplicationId, string Organization, string Kind, string ObjectorName,
        string? UnitName, string Phone, string? Email, string Grounds, DateTimeOffset ReceivedAt, string Status, string StatusText,
        IReadOnlyList<NoteDto> Notes, DateTimeOffset? ReplyRequestedAt, DateOnly? ReplyDue, string? Reply, DateTimeOffset? RepliedAt,
        string? Finding, string? Conclusion, string? ConclusionReason, string? PublicConclusion, DateTimeOffset? ConcludedAt, int Version);

    public sealed record DescriptionInput(Guid ApplicationId, string? Description);

    public sealed record DraftRequest(string? Title, string? Text, DateOnly? StartDate, string? PostalAddress, string? Phone, string? Email,
        IReadOnlyList<DescriptionInput>? Entries, int Version);

    public sealed record PublishRequest(bool AcceptUnconfirmed, int Version);

    public sealed record NoteRequest(string? Note, int Version);

    public sealed record VersionRequest(int Version);

    /// <param name="Reason">Why the draft is withdrawn, or the public text of the correction (更正说明) of a published notice.</param>
    public sealed record WithdrawRequest(int Version, string? Reason);

    public sealed record WithdrawnDto(string Message);

    /// <param name="Conclusion">Sustained（异议成立，撤销推荐）or Dismissed（异议不成立）.</param>
    public sealed record ConclusionRequest(string? Conclusion, string? Finding, string? Reason, string? PublicText, int Version);

    public sealed record AnswerRequest(string? Answer, int Version);

    public static void MapNoticeApi(this WebApplication app)
    {
        var notices = app.MapApi("/notices", "公示与异议").RequireAuthorization(Policies.Office);
        notices.MapGet("/current", CurrentAsync).WithSummary("当前年度的公示（含草稿）：名单、公示期、异议受理方式（活动办公室）");
        notices.MapPost("/current", CreateAsync).WithSummary("根据评审委员会确定的推荐名单生成公示草稿（活动办公室）");
        notices.MapPut("/current", SaveAsync)
            .WithSummary("保存公示草稿并按工作日历计算公示期和异议受理截止时间（须带 version；startDate 格式 yyyy-MM-dd；省略的字段保持不变）（活动办公室）");
        notices.MapPost("/current/publish", PublishAsync)
            .WithSummary("发布公示；公示期跨越未公布节假日安排的年份时须 acceptUnconfirmed=true（活动办公室）");
        notices.MapPost("/current/withdraw", async (WithdrawRequest body, NoticeCorrections c, CancellationToken ct) =>
                TypedResults.Ok(new WithdrawnDto(await c.WithdrawAsync(body.Version, body.Reason, ct))))
            .WithSummary("撤回公示草稿，或为已发布的公示发布更正说明（公示页立即显示），以便撤销推荐名单的确定；须填 reason（活动办公室）");
        notices.MapPost("/current/apply-correction", async (VersionRequest body, NoticeCorrections c, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(Dto(await c.ApplyAsync(body.Version, ct), clock)))
            .WithSummary("按重新确定的推荐名单更新已发布的公示（更正说明待完成时）（活动办公室）");
        notices.MapGet("/current/objections", ObjectionsAsync).WithSummary("当前公示收到的全部异议，按受理时间排列（活动办公室）");

        var objections = app.MapApi("/objections", "公示与异议");
        objections.MapGet("/{id:guid}", ObjectionAsync).RequireAuthorization(Policies.Office)
            .WithSummary("一项异议的全部内容：异议人、理由、调查记录、组织答复和结论（活动办公室）");
        objections.MapPost("/{id:guid}/notes", NoteAsync).RequireAuthorization(Policies.Office)
            .WithSummary("记录调查情况（活动办公室）");
        objections.MapPost("/{id:guid}/reply-request", RequestReplyAsync).RequireAuthorization(Policies.Office)
            .WithSummary("请被异议的组织在规定的工作日内答复，并通知该组织（对方看不到异议人的身份）（活动办公室）");
        objections.MapPost("/{id:guid}/conclusion", ConcludeAsync).RequireAuthorization(Policies.Office)
            .WithSummary("作出结论：Sustained 异议成立（该组织从公示名单中撤销推荐）或 Dismissed 异议不成立；须写明调查结论和理由（活动办公室）");
        objections.MapGet("/{id:guid}/reply", ReplyAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("被异议组织查看异议理由和答复期限（仅在活动办公室请其答复之后；不含异议人身份）");
        objections.MapPost("/{id:guid}/reply", AnswerAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("被异议组织提交答复（仅限本组织、在活动办公室请其答复之后）");
    }

    private static async Task<Results<Ok<NoticeDto>, NotFoundProblem>> CurrentAsync(AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await CurrentNoticeAsync(db, ct) is { } n ? TypedResults.Ok(Dto(n, clock)) : NoNotice();

    private static async Task<Created<NoticeDto>> CreateAsync(NoticeWorkflow workflow, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Created("/api/notices/current", Dto(await workflow.CreateCurrentDraftAsync(ct), clock));

    /// <summary>Fields left out keep the draft's current value (the page always posts them all).</summary>
    private static async Task<Results<Ok<NoticeDto>, BadRequestProblem>> SaveAsync(DraftRequest body, AppDbContext db, NoticeWorkflow workflow,
        TimeProvider clock, CancellationToken ct)
    {
        var entries = body.Entries ?? [];
        if (entries.GroupBy(e => e.ApplicationId).Any(g => g.Count() > 1))
            return new BadRequestProblem("请求有误", "entries 中同一申报（applicationId）只能出现一次。");
        var now = await CurrentNoticeAsync(db, ct);
        var (notice, _) = await workflow.SaveDraftAsync(body.Version, new NoticeDraft(body.Title ?? now?.Title, body.Text ?? now?.Text,
            body.StartDate ?? now?.StartDate, body.PostalAddress ?? now?.PostalAddress, body.Phone ?? now?.Phone, body.Email ?? now?.Email,
            entries.ToDictionary(e => e.ApplicationId, e => e.Description ?? "")), ct);
        return TypedResults.Ok(Dto(notice, clock));
    }

    private static async Task<Ok<NoticeDto>> PublishAsync(PublishRequest body, ClaimsPrincipal user, NoticeWorkflow workflow, TimeProvider clock,
        CancellationToken ct) =>
        TypedResults.Ok(Dto(await workflow.PublishAsync(body.Version, user.UserId(), body.AcceptUnconfirmed, ct), clock));

    private static async Task<Results<Ok<List<ObjectionDto>>, NotFoundProblem>> ObjectionsAsync(AppDbContext db, CancellationToken ct)
    {
        if (await CurrentNoticeAsync(db, ct) is not { } n) return NoNotice();
        var rows = await db.Set<Objection>().AsNoTracking().Where(o => o.NoticeId == n.Id).OrderBy(o => o.ReceivedAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(Dto).ToList());
    }

    private static async Task<Results<Ok<ObjectionDto>, NotFoundProblem>> ObjectionAsync(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Set<Objection>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } o ? TypedResults.Ok(Dto(o)) : NoObjection();

    private static async Task<Results<Ok<ObjectionDto>, NotFoundProblem>> NoteAsync(Guid id, NoteRequest body, CurrentActor actor,
        NoticeWorkflow workflow, CancellationToken ct) =>
        await workflow.AddNoteAsync(id, body.Version, body.Note, actor.Name, ct) is { } o ? TypedResults.Ok(Dto(o)) : NoObjection();

    private static async Task<Results<Ok<ObjectionDto>, NotFoundProblem>> RequestReplyAsync(Guid id, VersionRequest body, NoticeWorkflow workflow,
        CancellationToken ct) =>
        await workflow.RequestReplyAsync(id, body.Version, ct) is { } o ? TypedResults.Ok(Dto(o)) : NoObjection();

    private static async Task<Results<Ok<ObjectionDto>, BadRequestProblem, NotFoundProblem>> ConcludeAsync(Guid id, ConclusionRequest body,
        ClaimsPrincipal user, NoticeWorkflow workflow, CancellationToken ct)
    {
        ObjectionConclusion? conclusion = null;
        if (body.Conclusion is { Length: > 0 } text)
        {
            if (!Enum.TryParse<ObjectionConclusion>(text, ignoreCase: true, out var c) || !Enum.IsDefined(c))
                return new BadRequestProblem("请求有误", "conclusion 应为 Sustained（异议成立）或 Dismissed（异议不成立）。");
            conclusion = c;
        }
        var o = await workflow.ConcludeAsync(id, body.Version, conclusion, body.Finding, body.Reason, body.PublicText, user.UserId(), ct);
        return o is null ? NoObjection() : TypedResults.Ok(Dto(o));
    }

    private static async Task<Results<Ok<ObjectionForOrganization>, NotFoundProblem>> ReplyAsync(Guid id, ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct)
    {
        var org = user.OrganizationId();
        if (org is null) return NoObjection();
        var item = (await ReplyModel.ForOrganizationAsync(db, org.Value, ct)).FirstOrDefault(x => x.Id == id);
        return item is null ? NoObjection() : TypedResults.Ok(item);
    }

    private static async Task<Results<Ok<ObjectionForOrganization>, NotFoundProblem>> AnswerAsync(Guid id, AnswerRequest body, ClaimsPrincipal user,
        AppDbContext db, CurrentActor actor, NoticeWorkflow workflow, CancellationToken ct)
    {
        if (await workflow.AnswerAsync(id, user.OrganizationId(), body.Version, body.Answer, actor.Name, ct) is null) return NoObjection();
        db.ChangeTracker.Clear();
        return await ReplyAsync(id, user, db, ct);
    }

    private static async Task<PublicNotice?> CurrentNoticeAsync(AppDbContext db, CancellationToken ct)
    {
        var cycle = await Cycles.CycleQueries.CurrentOpenAsync(db, ct);
        return cycle is null ? null : await db.Set<PublicNotice>().AsNoTracking().FirstOrDefaultAsync(n => n.CycleId == cycle.Id, ct);
    }

    private static NotFoundProblem NoNotice() => new("没有公示", "当前年度尚未生成公示草稿，请先根据推荐名单生成。");

    private static NotFoundProblem NoObjection() => new("未找到", "该异议不存在，或您没有查看权限。");

    private static NoticeDto Dto(PublicNotice n, TimeProvider clock) => new(n.Id, n.CycleId, n.Year, n.Status.ToString(),
        n.PhaseAt(clock.GetUtcNow()).ToString(), n.Title, n.Text, n.StartDate, n.EndDate, n.EndConfirmed, n.Workdays, n.ObjectionDeadline,
        n.PostalAddress, n.Phone, n.Email, n.PublishedAt, n.Version,
        n.Entries.OrderBy(e => e.Order).Select(e => new EntryDto(e.ApplicationId, e.Order, e.OrganizationName, e.Category.ToString(), e.ServiceName,
            e.Description, e.Removed, e.RemovalReason)).ToList());

    private static ObjectionDto Dto(Objection o) => new(o.Id, o.ReceiptNumber, o.ApplicationId, o.OrganizationName, o.Kind.ToString(),
        o.ObjectorName, o.UnitName, o.Phone, o.Email, o.Grounds, o.ReceivedAt, o.Status.ToString(), Objection.StatusDisplay(o.Status),
        o.Notes.Select(x => new NoteDto(x.At, x.ByName, x.Text)).ToList(), o.ReplyRequestedAt, o.ReplyDue, o.Reply, o.RepliedAt, o.Finding,
        o.Conclusion?.ToString(), o.ConclusionReason, o.PublicConclusion, o.ConcludedAt, o.Version);
}
