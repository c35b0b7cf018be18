using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.OnSite;

/// <summary>
/// JSON API of 现场评审. Every route with an application id answers 404 unless the caller may see that visit (the office,
/// a declared conflict-free member of its on-site team, or — for the schedule and the released report — its organisation).
/// </summary>
public static class OnSiteApi
{
    public sealed record TeamDto(string Name, string Role, string Status);
    public sealed record ItemDto(string ItemCode, string Name, int Points, int? DocumentPercent, int? Percent, string Reason);
    public sealed record ScheduleDto(Guid ApplicationId, string Organization, string Status, string StatusText, DateOnly? StartDate, DateOnly? EndDate,
        IReadOnlyList<string> Sites, IReadOnlyList<AgendaItem> Agenda, string? ProposedBy, DateTimeOffset? ProposedAt, string? Comment, int Version);
    public sealed record IssueDto(Guid Id, string ItemCode, string Question, string Outcome, string OutcomeText, int? FromPercent, int? ToPercent,
        string InterviewNotes, string DocumentNotes, DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt);
    public sealed record VisitDto(Guid ApplicationId, string Organization, string? Number, string Category, string Status, string StatusText,
        string Role, IReadOnlyList<TeamDto> Team, ScheduleDto Schedule, IReadOnlyList<ItemDto> Items, IReadOnlyList<IssueDto> Issues,
        IReadOnlyList<string> Problems, string Opinion, decimal? DocumentScore, decimal? OnSiteScore, DateTimeOffset? LeaderApprovedAt,
        DateTimeOffset? OfficeApprovedAt, DateTimeOffset? ReleasedAt, int Version, string ReportUrl);
    /// <summary>A shortlisted application in the office's list; <c>status</c> is None (尚未建立现场评审记录) until its visit is created.</summary>
    public sealed record VisitRow(Guid ApplicationId, string? Number, string Organization, string? Category, string Status, string StatusText,
        string? ScheduleStatus, DateOnly? StartDate, DateOnly? EndDate, int TeamSize, string? Leader, int OpenIssues, int Issues,
        decimal? DocumentScore, decimal? OnSiteScore);

    public sealed record ScheduleRequest(int? Version, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<string> Sites, IReadOnlyList<AgendaItem> Agenda);
    public sealed record AnswerRequest(int? Version, bool Agree, string? Comment);
    public sealed record IssueRequest(int? Version, string ItemCode, string Question);
    /// <param name="Outcome">Verified（已核实）、NotVerified（未能核实）or ScoreChanged（调整评分，须给 ToPercent）.</param>
    public sealed record CloseRequest(int? Version, IssueOutcome Outcome, int? ToPercent, string? InterviewNotes, string? DocumentNotes);
    public sealed record ItemRequest(string ItemCode, int? Percent, string? Reason);
    public sealed record RecordRequest(int? Version, IReadOnlyList<ItemRequest> Items, string? Opinion, IReadOnlyList<string>? Problems);
    public sealed record VersionRequest(int? Version, string? Reason);
    /// <summary>LeftOut: a reason per shortlisted application whose visit is not approved that the office leaves out (the gate).</summary>
    public sealed record CloseStageRequest(IReadOnlyList<Applications.Gates.LeftOutItem>? LeftOut);
    public sealed record WithdrawVisitsRequest(string? Reason);
    public sealed record StageClosedDto(DateTimeOffset ClosedAt, IReadOnlyList<Applications.Gates.LeftOutApplication> LeftOut);

    public static void MapOnSiteApi(this WebApplication app)
    {
        var g = app.MapApi("/onsite", "现场评审");
        g.MapGet("/cycles/{cycleId:guid}/visits", ListAsync).RequireAuthorization(Policies.Office)
            .WithSummary("年度活动入围现场评审的申报（分页：items、total、page、pageCount、pageSize）：专家组、现场评审状态（None 表示尚未建立记录）、日程、待核实问题数和得分；可按 status、category、region、industry、group、q 筛选，sort 可为 number、organization、status、start、document、onsite（活动办公室）");
        g.MapPost("/cycles/{cycleId:guid}/visits", PrepareAsync).RequireAuthorization(Policies.Office)
            .WithSummary("为已组建现场评审专家组的入围申报建立现场评审记录，以资料评审一致性得分率为起点（活动办公室）");
        g.MapPost("/cycles/{cycleId:guid}/close", async (Guid cycleId, CloseStageRequest? r, ClaimsPrincipal u, OnSiteStage stage, CancellationToken ct) =>
            {
                var p = await stage.CloseAsync(cycleId, u.UserId(), Applications.Gates.LeftOutItem.Reasons(r?.LeftOut), ct);
                return TypedResults.Ok(new StageClosedDto(p.PassedAt, p.LeftOut));
            }).RequireAuthorization(Policies.Office)
            .WithSummary("结束现场评审阶段：入围申报的现场评审报告须均经活动办公室确认，否则须在 leftOut 中逐项填写留出原因（活动办公室）");
        g.MapPost("/cycles/{cycleId:guid}/{category}/withdraw", async (Guid cycleId, Cycles.AwardCategory category, WithdrawVisitsRequest r,
                OnSiteStage stage, CancellationToken ct) => TypedResults.Ok(await stage.WithdrawVisitsAsync(cycleId, category, r.Reason, ct)))
            .RequireAuthorization(Policies.Office)
            .WithSummary("撤回一个类别的现场评审安排（须填原因），以便撤销入围名单的确定（category：Enterprise / Service）（活动办公室）");
        g.MapGet("/visits/{applicationId:guid}", VisitAsync)
            .WithSummary("现场评审全貌：专家组、日程、各条目得分率、待核实问题、存在的问题和意见（活动办公室、现场评审专家组成员；其他人 404）");
        g.MapGet("/visits/{applicationId:guid}/schedule", ScheduleAsync)
            .WithSummary("现场评审日程（活动办公室、专家组成员和申报组织本身）");
        g.MapGet("/visits/{applicationId:guid}/report", ReportAsync)
            .WithSummary("现场评审报告 PDF（专家组成员和活动办公室随时可下载；申报组织在发送后下载本组织的报告）");
        g.MapPost("/visits/{applicationId:guid}/schedule", (Guid applicationId, ScheduleRequest r, ClaimsPrincipal u, SiteVisitWorkflow w, CancellationToken ct) =>
                Done(w.ProposeScheduleAsync(u, applicationId, r.Version, r.StartDate, r.EndDate, r.Sites ?? [], r.Agenda ?? [], ct)))
            .WithSummary("提出现场评审日程：日期、地点、日程安排（活动办公室或组长），并通知申报组织确认");
        g.MapPost("/visits/{applicationId:guid}/schedule/answer", (Guid applicationId, AnswerRequest r, ClaimsPrincipal u, SiteVisitWorkflow w, CancellationToken ct) =>
                Done(w.AnswerScheduleAsync(u, applicationId, r.Version, r.Agree, r.Comment, ct)))
            .WithSummary("申报组织确认日程（Agree=true，现场评审开始）或提出调整意见（Agree=false，须填 Comment）");
        g.MapPost("/visits/{applicationId:guid}/issues", (Guid applicationId, IssueRequest r, ClaimsPrincipal u, SiteVisitWorkflow w, CancellationToken ct) =>
                Done(w.RaiseIssueAsync(u, applicationId, r.Version, r.ItemCode, r.Question, ct)))
            .WithSummary("列出待核实问题（关联一个评分条目；活动办公室或组长）");
        g.MapPost("/visits/{applicationId:guid}/issues/{issueId:guid}/close", (Guid applicationId, Guid issueId, CloseRequest r, ClaimsPrincipal u,
                SiteVisitWorkflow w, CancellationToken ct) =>
                Done(w.CloseIssueAsync(u, applicationId, r.Version, issueId, r.Outcome, r.ToPercent, r.InterviewNotes, r.DocumentNotes, ct)))
            .WithSummary("关闭待核实问题：已核实、未能核实或调整评分（给出调整后的得分率），附访谈记录和查阅资料记录（专家组成员、活动办公室）");
        g.MapPost("/visits/{applicationId:guid}/record", (Guid applicationId, RecordRequest r, ClaimsPrincipal u, SiteVisitWorkflow w, CancellationToken ct) =>
                Done(w.RecordAsync(u, applicationId, r.Version, (r.Items ?? []).Select(i => (i.ItemCode, i.Percent, i.Reason)).ToList(),
                    r.Opinion, r.Problems, ct)))
            .WithSummary("保存各条目现场评审得分率（与资料评审不同须说明理由）、存在的问题和现场评审意见（组长或活动办公室；省略的字段保持不变）");
        g.MapPost("/visits/{applicationId:guid}/leader-approval", (Guid applicationId, VersionRequest r, ClaimsPrincipal u, SiteVisitWorkflow w, CancellationToken ct) =>
                Done(w.ApproveAsLeaderAsync(u, applicationId, r.Version, ct)))
            .WithSummary("组长确认现场评审报告（待核实问题须全部关闭、条目全部评分、意见已填写）");
        g.MapPost("/visits/{applicationId:guid}/office-approval", (Guid applicationId, VersionRequest r, ClaimsPrincipal u, SiteVisitWorkflow w, CancellationToken ct) =>
                Done(w.ApproveByOfficeAsync(u, applicationId, r.Version, ct)))
            .WithSummary("活动办公室确认报告，按评价准则分值计算资料评审得分和现场评审得分");
        g.MapPost("/visits/{applicationId:guid}/return", (Guid applicationId, VersionRequest r, ClaimsPrincipal u, SiteVisitWorkflow w, CancellationToken ct) =>
                Done(w.ReturnAsync(u, applicationId, r.Version, r.Reason, ct)))
            .WithSummary("活动办公室说明原因退回报告，专家组修改后由组长重新确认");
        g.MapPost("/visits/{applicationId:guid}/release", (Guid applicationId, VersionRequest r, ClaimsPrincipal u, SiteVisitWorkflow w, CancellationToken ct) =>
                Done(w.ReleaseAsync(u, applicationId, r.Version, ct)))
            .WithSummary("活动办公室将确认的报告发送给申报组织，并通知组织");
    }

    private static async Task<Results<Ok<VisitDto>, NotFound>> Done(Task<SiteVisitView?> change) =>
        await change is { } view ? TypedResults.Ok(Dto(view)) : TypedResults.NotFound();

    private static async Task<Results<Ok<Paged<VisitRow>>, NotFoundProblem, ValidationProblem>> ListAsync(Guid cycleId,
        [AsParameters] OnSiteFilter filter, [AsParameters] ListQuery list, AppDbContext db, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        if (!await db.Set<Cycles.Cycle>().AnyAsync(c => c.Id == cycleId, ct)) return new NotFoundProblem("未找到", "年度活动不存在，请从年度活动列表中选择。");
        var page = await OnSiteList.PageAsync(db, cycleId, filter, list, ct);
        return TypedResults.Ok(page.Map(i => new VisitRow(i.Row.ApplicationId, i.Row.Number, i.Row.Organization, i.Row.Category?.ToString(),
            i.Visit?.Status.ToString() ?? OnSiteFilter.NotPrepared, i.Visit?.Status.Display() ?? "尚未建立现场评审记录", i.Visit?.ScheduleStatus.ToString(),
            i.Visit?.StartDate, i.Visit?.EndDate, i.TeamSize, i.Leader, i.Visit?.Issues.Count(x => x.IsOpen) ?? 0, i.Visit?.Issues.Count ?? 0,
            i.Visit?.DocumentScore, i.Visit?.OnSiteScore)));
    }

    private static async Task<Ok<SiteVisitWorkflow.PrepareResult>> PrepareAsync(Guid cycleId, SiteVisitWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await workflow.PrepareAsync(cycleId, ct));

    private static async Task<Results<Ok<VisitDto>, NotFound>> VisitAsync(Guid applicationId, ClaimsPrincipal user, SiteVisitReader reader, CancellationToken ct) =>
        await reader.ReadableAsync(user, applicationId, false, ct) is { IsStaff: true } view ? TypedResults.Ok(Dto(view)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ScheduleDto>, NotFound>> ScheduleAsync(Guid applicationId, ClaimsPrincipal user, SiteVisitReader reader, CancellationToken ct) =>
        await reader.ReadableAsync(user, applicationId, false, ct) is { } view ? TypedResults.Ok(Schedule(view)) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> ReportAsync(Guid applicationId, ClaimsPrincipal user, SiteVisitReader reader, CancellationToken ct) =>
        await reader.ReadableAsync(user, applicationId, false, ct) is { MayReadReport: true } view
            ? TypedResults.File(OnSiteReportPdf.Render(view), "application/pdf", OnSiteReportPdf.FileName(view)) : TypedResults.NotFound();

    private static ScheduleDto Schedule(SiteVisitView view)
    {
        var v = view.Visit;
        return new(v.ApplicationId, view.Organization, v.ScheduleStatus.ToString(), v.ScheduleStatus.Display(), v.StartDate, v.EndDate, v.Sites,
            v.Agenda, v.ScheduleProposedBy, v.ScheduleProposedAt, v.ScheduleComment, v.Version);
    }

    public static VisitDto Dto(SiteVisitView view)
    {
        var v = view.Visit;
        if (!view.IsStaff)
            return new VisitDto(v.ApplicationId, view.Organization, view.Number, view.Category, v.Status.ToString(), v.Status.Display(), view.Role.ToString(),
                [], Schedule(view), [], [], [], "", null, null, null, null, v.ReleasedAt, v.Version, $"/api/onsite/visits/{v.ApplicationId}/report");
        return new VisitDto(v.ApplicationId, view.Organization, view.Number, view.Category, v.Status.ToString(), v.Status.Display(), view.Role.ToString(),
            view.ActiveTeam.Select(t => new TeamDto(t.Name, t.Role.Display(), t.Status.Display())).ToList(), Schedule(view),
            v.Items.Select(i => new ItemDto(i.ItemCode, view.ItemName(i.ItemCode), view.ItemPoints(i.ItemCode), i.DocumentPercent, i.Percent, i.Reason)).ToList(),
            v.Issues.Select(i => new IssueDto(i.Id, i.ItemCode, i.Question, i.Outcome?.ToString() ?? "Open", i.Outcome.Display(), i.FromPercent, i.ToPercent,
                i.InterviewNotes, i.DocumentNotes, i.RaisedAt, i.ClosedAt)).ToList(),
            v.ProblemList, v.Opinion, v.DocumentScore, v.OnSiteScore, v.LeaderApprovedAt, v.OfficeApprovedAt, v.ReleasedAt, v.Version,
            $"/api/onsite/visits/{v.ApplicationId}/report");
    }
}
