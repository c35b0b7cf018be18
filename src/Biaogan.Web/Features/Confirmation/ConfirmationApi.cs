using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Pdf;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>/api/confirmation — the 获奖三年后确认 pages over JSON; /api/public/confirmations — the published results.</summary>
public static class ConfirmationApi
{
    public sealed record OpenRequest(IReadOnlyList<Guid>? AwardIds, DateOnly? SubmitBy);
    public sealed record EntryRequest(string? ManagementChanges, IReadOnlyList<YearFigures>? Figures, string? Statement, int? Version);
    public sealed record PublishRequest(string? Preface, int? Version);
    public sealed record EntryLine(Guid Id, Guid RoundId, string Organization, string CertificateNumber, int AwardYear, DateTimeOffset? SubmittedAt);

    public static void MapConfirmationApi(this WebApplication app)
    {
        var api = app.MapApi("/confirmation", "获奖三年后确认");
        api.MapGet("/due", async (AppDbContext db, ConfirmationWorkflow w, ConfirmationDue due, CancellationToken ct) =>
                TypedResults.Ok((await w.DueAsync(ct)).Select(a => ConfirmationViews.Due(a, due)).ToList()))
            .RequireAuthorization(Policies.SupervisionStaff).WithSummary("到期应进行三年确认、尚未进入任何批次的有效标杆（活动办公室、领导小组）");
        api.MapGet("/rounds", (AppDbContext db, CancellationToken ct) => ConfirmationViews.RoundsAsync(db, ct))
            .RequireAuthorization(Policies.SupervisionStaff).WithSummary("确认批次列表（活动办公室、领导小组）");
        api.MapGet("/rounds/{id:guid}", GetRoundAsync).RequireAuthorization(Policies.SupervisionStaff)
            .WithSummary("一个确认批次：各标杆的提交情况、案件状态和决定（活动办公室、领导小组）");
        api.MapPost("/rounds", OpenAsync).RequireAuthorization(Policies.Office)
            .WithSummary("开启确认批次：awardIds 为到期标杆，submitBy 为组织提交材料的截止日期；标杆名录随即显示“确认中”（活动办公室）");
        api.MapPost("/rounds/{id:guid}/publish", PublishAsync).RequireAuthorization(Policies.Office)
            .WithSummary("公布确认结果（全部标杆均已由领导小组决定后）：公开页面和 PDF 随即可见（活动办公室）");
        api.MapGet("/entries", (ClaimsPrincipal u, AppDbContext db, CancellationToken ct) =>
                ConfirmationViews.Entries(db, u).OrderByDescending(e => e.AwardYear)
                    .Select(e => new EntryLine(e.Id, e.RoundId, e.OrganizationName, e.CertificateNumber, e.AwardYear, e.SubmittedAt)).ToListAsync(ct))
            .RequireAuthorization(Policies.SupervisionParties).WithSummary("确认材料列表（活动办公室、领导小组全部；获奖组织仅本组织）");
        api.MapGet("/entries/{id:guid}", GetEntryAsync).RequireAuthorization(Policies.SupervisionParties)
            .WithSummary("一个标杆的确认材料，含预填的期间记录（事件报告等）");
        api.MapPut("/entries/{id:guid}", (Guid id, EntryRequest r, ClaimsPrincipal u, ConfirmationWorkflow w, CancellationToken ct) => SaveAsync(id, r, u, w, false, ct))
            .RequireAuthorization(Policies.Applicant).WithSummary("保存确认材料草稿（本组织；figures 为每年的 year、revenue、profit、satisfaction、satisfactionNote）");
        api.MapPost("/entries/{id:guid}/submit", (Guid id, EntryRequest r, ClaimsPrincipal u, ConfirmationWorkflow w, CancellationToken ct) => SaveAsync(id, r, u, w, true, ct))
            .RequireAuthorization(Policies.Applicant).WithSummary("提交确认材料（本组织；三年数据、经营管理变化和组织声明均须填写）");
        api.MapPost("/entries/{id:guid}/forward", ForwardAsync).RequireAuthorization(Policies.Office)
            .WithSummary("将已提交材料的标杆提交领导小组审议（领导小组在案件上投票：确认有效 NoEffect / 不予确认 Revoke）（活动办公室）");

        var pub = app.MapGroup("/api/public/confirmations").AllowAnonymous().WithTags("公开信息").CacheOutput(WebModule.PublicPagePolicy);
        pub.MapGet("/{id:guid}", async Task<Results<Ok<Announcement>, NotFoundProblem>> (Guid id, AppDbContext db, CancellationToken ct) =>
                await ConfirmationViews.AnnouncementAsync(db, id, ct) is { } a ? TypedResults.Ok(a) : NotFound())
            .WithSummary("确认结果公告（已公布的批次）：组织、证书编号、确认结果、决定日期和公开原因");
        pub.MapGet("/{id:guid}/pdf", async Task<Results<FileContentHttpResult, NotFoundProblem>> (Guid id, AppDbContext db, CancellationToken ct) =>
                await ConfirmationViews.AnnouncementAsync(db, id, ct) is { } a
                    ? TypedResults.File(PdfWriter.Render(AnnouncementPdf.Document(a)), "application/pdf", AnnouncementPdf.FileName(a))
                    : NotFound())
            .WithSummary("确认结果公告 PDF（供媒体发布）");
    }

    private static async Task<Results<Ok<RoundView>, NotFoundProblem>> GetRoundAsync(Guid id, AppDbContext db, CancellationToken ct) =>
        await ConfirmationViews.RoundAsync(db, id, ct) is { } v ? TypedResults.Ok(v) : NotFound();

    private static async Task<Results<Ok<EntryView>, NotFoundProblem>> GetEntryAsync(Guid id, ClaimsPrincipal u, AppDbContext db,
        ConfirmationWorkflow w, CancellationToken ct) =>
        await ConfirmationViews.EntryAsync(db, w, u, id, ct) is { } v ? TypedResults.Ok(v) : NotFound();

    private static async Task<Created<RoundSummary>> OpenAsync(OpenRequest r, ConfirmationWorkflow w, CancellationToken ct)
    {
        var round = await w.OpenAsync(r.AwardIds ?? [], r.SubmitBy, ct);
        var ids = r.AwardIds ?? [];
        return TypedResults.Created($"/api/confirmation/rounds/{round.Id}", ConfirmationViews.Summary(round, ids.Distinct().Count(), 0));
    }

    private static async Task<Results<Ok<RoundSummary>, NotFoundProblem>> PublishAsync(Guid id, PublishRequest r, ConfirmationWorkflow w,
        AppDbContext db, CancellationToken ct)
    {
        var round = await w.PublishAsync(id, r.Version, r.Preface, ct);
        if (round is null) return NotFound();
        var count = await db.Set<ConfirmationEntry>().CountAsync(e => e.RoundId == id, ct);
        return TypedResults.Ok(ConfirmationViews.Summary(round, count, count));
    }

    private static async Task<Results<Ok<EntryView>, NotFoundProblem>> SaveAsync(Guid id, EntryRequest r, ClaimsPrincipal u, ConfirmationWorkflow w,
        bool submit, CancellationToken ct)
    {
        var e = await w.SaveAsync(u, id, r.Version, new EntryForm(r.ManagementChanges, r.Figures ?? [], r.Statement), submit, ct);
        return e is null ? NotFound() : TypedResults.Ok(new EntryView(e.Id, e.RoundId, "", e.AwardId, e.CaseId, e.CaseNumber, "", e.OrganizationName,
            e.CertificateNumber, e.AwardYear, e.CategoryText, e.FirstYear, e.LastYear, e.ManagementChanges, e.Figures, e.Statement, e.SubmittedAt,
            e.SubmittedBy, null, [], e.Version));
    }

    private static async Task<Results<Ok<EntryView>, NotFoundProblem>> ForwardAsync(Guid id, ClaimsPrincipal u, ConfirmationWorkflow w, AppDbContext db,
        CancellationToken ct) =>
        await w.ForwardAsync(id, ct) is null ? NotFound() : await GetEntryAsync(id, u, db, w, ct);

    private static NotFoundProblem NotFound() => new("未找到", "该确认批次或确认材料不存在、尚未公布，或您没有查看权限。");
}
