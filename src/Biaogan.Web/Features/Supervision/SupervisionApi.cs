using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Supervision;

/// <summary>
/// /api/supervision — what the 获奖后监督 pages do, over JSON: cases (office, leading group; a winner its own), the leading
/// group's votes, the office's decision (the only way an award's status changes), incident reports (第二十六条).
/// </summary>
public static class SupervisionApi
{
    public sealed record OpenRequest(string? Kind, Guid AwardId, string? Title);
    public sealed record TextRequest(string? Text, int? Version);
    public sealed record VersionRequest(int? Version);
    public sealed record VoteRequest(string? Outcome, string? Reason);
    public sealed record DecisionRequest(string? Outcome, string? Reason, string? PublicReason, int? Version);
    public sealed record FileIncidentRequest(Guid AwardId, string? Category, DateOnly? OccurredOn, string? WhatHappened, string? Measures);
    public sealed record RegisterIncidentRequest(Guid AwardId, string? Category, string? Source, DateOnly? OccurredOn, string? Account, DateOnly? ReportBy);
    public sealed record ReportRequest(string? WhatHappened, string? Measures, int? Version);
    public sealed record DeadlineRequest(DateOnly? ReportBy, int? Version);

    public static void MapSupervisionApi(this WebApplication app)
    {
        var api = app.MapApi("/supervision", "获奖后监督");
        api.MapGet("/cases", (ClaimsPrincipal u, AppDbContext db, CancellationToken ct) => SupervisionViews.ListAsync(db, u, ct))
            .RequireAuthorization(Policies.SupervisionParties).WithSummary("监督案件列表（活动办公室、领导小组全部；获奖组织仅本组织）");
        api.MapGet("/cases/{id:guid}", GetAsync).RequireAuthorization(Policies.SupervisionParties)
            .WithSummary("一个监督案件：状态记录、调查记录和投票（仅活动办公室、领导小组）、组织答复、决定");
        api.MapPost("/cases", OpenAsync).RequireAuthorization(Policies.Office)
            .WithSummary("立案：kind 为 Complaint（公众投诉）、Confirmation（确认）或 Discipline（违纪处理）；事件请用 incidents/register（活动办公室）");
        api.MapPost("/cases/{id:guid}/notes", (Guid id, TextRequest r, CaseWorkflow w, CancellationToken ct) => Done(w.NoteAsync(id, r.Version, r.Text, ct)))
            .RequireAuthorization(Policies.Office).WithSummary("添加调查记录（活动办公室）");
        api.MapPost("/cases/{id:guid}/reply-request", (Guid id, TextRequest r, CaseWorkflow w, CancellationToken ct) => Done(w.RequestReplyAsync(id, r.Version, r.Text, ct)))
            .RequireAuthorization(Policies.Office).WithSummary("请获奖组织答复（text 为需要说明的问题；通知组织）（活动办公室）");
        api.MapPost("/cases/{id:guid}/reply", (Guid id, TextRequest r, ClaimsPrincipal u, CaseWorkflow w, CancellationToken ct) => Done(w.ReplyAsync(u, id, r.Version, r.Text, ct)))
            .RequireAuthorization(Policies.Applicant).WithSummary("提交组织答复（本组织的案件）");
        api.MapPost("/cases/{id:guid}/submit", (Guid id, VersionRequest r, CaseWorkflow w, CancellationToken ct) => Done(w.SubmitAsync(id, r.Version, ct)))
            .RequireAuthorization(Policies.Office).WithSummary("提交领导小组审议（通知领导小组成员）（活动办公室）");
        api.MapPost("/cases/{id:guid}/return", (Guid id, TextRequest r, CaseWorkflow w, CancellationToken ct) => Done(w.ReturnAsync(id, r.Version, r.Text, ct)))
            .RequireAuthorization(Policies.Office).WithSummary("退回调查（text 为原因）（活动办公室）");
        api.MapPost("/cases/{id:guid}/votes", VoteAsync).RequireAuthorization(Policies.LeadingGroup)
            .WithSummary("领导小组成员投票：outcome 为 NoEffect（无影响）、Confirmation（进入确认程序）或 Revoke（撤销称号），须写理由");
        api.MapPost("/cases/{id:guid}/decision", DecideAsync).RequireAuthorization(Policies.Office)
            .WithSummary("记录领导小组决定（须与投票结果一致）；撤销称号须填 publicReason，名录和证书核验立即显示“已撤销”（活动办公室）");
        api.MapGet("/incidents", (ClaimsPrincipal u, AppDbContext db, TimeProvider clock, CancellationToken ct) => SupervisionViews.IncidentsAsync(db, u, clock, ct))
            .RequireAuthorization(Policies.SupervisionParties).WithSummary("第二十六条事件：截止日期、报告时间、逾期天数（活动办公室、领导小组全部；获奖组织仅本组织）");
        api.MapPost("/incidents", FileAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("获奖组织书面报告事件（category：MajorAccident、FailedInspection、MajorComplaint）；附件另用 incidents/{id}/files 上传");
        api.MapPost("/incidents/register", RegisterAsync).RequireAuthorization(Policies.Office)
            .WithSummary("登记从其他渠道了解到的事件（source：Regulator、Media、Complaint、Other），可同时要求组织在 reportBy 前书面报告（活动办公室）");
        api.MapPost("/incidents/{id:guid}/report-request", (Guid id, DeadlineRequest r, IncidentWorkflow w, TimeProvider clock, CancellationToken ct) => DoneIncident(w.RequestReportAsync(id, r.Version, r.ReportBy, ct), clock))
            .RequireAuthorization(Policies.Office).WithSummary("要求组织在 reportBy 前提交书面报告：截止前提醒、逾期后通知（活动办公室）");
        api.MapPost("/incidents/{id:guid}/report", (Guid id, ReportRequest r, ClaimsPrincipal u, IncidentWorkflow w, TimeProvider clock, CancellationToken ct) =>
                DoneIncident(w.ReportAsync(u, id, r.Version, r.WhatHappened, r.Measures, [], ct), clock))
            .RequireAuthorization(Policies.Applicant).WithSummary("获奖组织提交活动办公室要求的书面报告（本组织的事件）");
        api.MapPost("/incidents/{id:guid}/files", UploadAsync).RequireAuthorization(Policies.Applicant).RequireRateLimiting(RateLimitPolicies.Upload)
            .WithSummary("为本组织的事件报告上传附件（multipart 字段 file；PDF、图片、Word、Excel）");
    }

    private static async Task<Results<Ok<CaseView>, NotFoundProblem>> GetAsync(Guid id, ClaimsPrincipal u, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await SupervisionViews.CaseAsync(db, u, clock, id, ct) is { } v ? TypedResults.Ok(v) : NotFound();

    private static async Task<Results<Created<CaseSummary>, BadRequestProblem>> OpenAsync(OpenRequest r, CaseWorkflow w, CancellationToken ct)
    {
        if (!Enum.TryParse<CaseKind>(r.Kind, true, out var kind) || !Enum.IsDefined(kind))
            return new BadRequestProblem("请求有误", "kind 应为 Complaint（公众投诉）、Confirmation（确认）或 Discipline（违纪处理）。");
        var c = await w.OpenAsync(kind, r.AwardId, r.Title, ct);
        return TypedResults.Created($"/api/supervision/cases/{c.Id}", SupervisionViews.Summary(c));
    }

    private static async Task<Results<Ok<VoteView>, BadRequestProblem, NotFoundProblem>> VoteAsync(Guid id, VoteRequest r, ClaimsPrincipal u,
        CaseWorkflow w, CancellationToken ct)
    {
        if (!TryOutcome(r.Outcome, out var outcome)) return BadOutcome();
        var v = await w.VoteAsync(u, id, outcome, r.Reason, ct);
        return v is null ? NotFound() : TypedResults.Ok(SupervisionViews.Vote(v));
    }

    private static async Task<Results<Ok<CaseSummary>, BadRequestProblem, NotFoundProblem>> DecideAsync(Guid id, DecisionRequest r, CaseWorkflow w,
        CancellationToken ct)
    {
        if (!TryOutcome(r.Outcome, out var outcome)) return BadOutcome();
        var c = await w.DecideAsync(id, r.Version, outcome, r.Reason, r.PublicReason, ct);
        return c is null ? NotFound() : TypedResults.Ok(SupervisionViews.Summary(c));
    }

    private static async Task<Results<Created<IncidentView>, BadRequestProblem, NotFoundProblem>> FileAsync(FileIncidentRequest r, ClaimsPrincipal u,
        IncidentWorkflow w, TimeProvider clock, CancellationToken ct)
    {
        if (!Enum.TryParse<IncidentCategory>(r.Category, true, out var category) || !Enum.IsDefined(category)) return BadCategory();
        var i = await w.FileAsync(u, r.AwardId, category, r.OccurredOn, r.WhatHappened, r.Measures, [], ct);
        return i is null ? NotFound() : TypedResults.Created($"/api/supervision/incidents/{i.Id}", SupervisionViews.Incident(i, clock));
    }

    private static async Task<Results<Created<IncidentView>, BadRequestProblem>> RegisterAsync(RegisterIncidentRequest r, IncidentWorkflow w,
        TimeProvider clock, CancellationToken ct)
    {
        if (!Enum.TryParse<IncidentCategory>(r.Category, true, out var category) || !Enum.IsDefined(category)) return BadCategory();
        if (!Enum.TryParse<IncidentSource>(r.Source, true, out var source) || !Enum.IsDefined(source) || source == IncidentSource.Organization)
            return new BadRequestProblem("请求有误", "source 应为 Regulator（监管部门通报）、Media（媒体报道）、Complaint（投诉）或 Other（其他）。");
        var i = await w.RegisterAsync(r.AwardId, category, source, r.OccurredOn, r.Account, r.ReportBy, ct);
        return TypedResults.Created($"/api/supervision/incidents/{i.Id}", SupervisionViews.Incident(i, clock));
    }

    private static async Task<Results<Created<FileView>, NotFoundProblem, ProblemHttpResult>> UploadAsync(Guid id, HttpRequest request, ClaimsPrincipal u,
        IncidentWorkflow w, AppDbContext db, CancellationToken ct)
    {
        // Another organisation's incident is unknown to it, whatever it sends.
        if (!await SupervisionAccess.Incidents(db, u).AnyAsync(i => i.Id == id, ct)) return NotFound();
        try
        {
            var form = StreamedForm.Open(request, IncidentWorkflow.MaxFileBytes);
            if (!await form.NextFileAsync(ct) || !form.FileField.Equals("file", StringComparison.OrdinalIgnoreCase))
                throw new DomainRuleException("请在字段 file 中附上要上传的文件。");
            var stored = await w.AddFileAsync(u, id, new Attachment(form.FileBody, form.FileName), ct);
            return stored is null ? NotFound() : TypedResults.Created($"/Supervision/File/{stored.Id}", new FileView(stored.Id, stored.FileName, stored.Size));
        }
        catch (UploadTooLargeException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大", detail: e.Message);
        }
    }

    private static async Task<Results<Ok<CaseSummary>, NotFoundProblem>> Done(Task<SupervisionCase?> work) =>
        await work is { } c ? TypedResults.Ok(SupervisionViews.Summary(c)) : NotFound();

    private static async Task<Results<Ok<IncidentView>, NotFoundProblem>> DoneIncident(Task<Incident?> work, TimeProvider clock) =>
        await work is { } i ? TypedResults.Ok(SupervisionViews.Incident(i, clock)) : NotFound();

    private static bool TryOutcome(string? text, out CaseOutcome outcome) =>
        Enum.TryParse(text, true, out outcome) && Enum.IsDefined(outcome);

    private static BadRequestProblem BadOutcome() =>
        new("请求有误", "outcome 应为 NoEffect（无影响）、Confirmation（进入确认程序）或 Revoke（撤销称号）。");

    private static BadRequestProblem BadCategory() =>
        new("请求有误", "category 应为 MajorAccident（重大质量、安全和环境事故）、FailedInspection（监督抽查不合格）或 MajorComplaint（重大投诉）。");

    private static NotFoundProblem NotFound() => new("未找到", "该监督案件或事件不存在，或您没有查看权限。");
}
