using System.Text.Json;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>The 资格审查 queue as a list in the API: one page of it, its Excel export and the 催办补正 bulk action.</summary>
public static class QualificationListApi
{
    public sealed record QueueItemDto(Guid Id, string? Number, int Year, string Organization, string? Category, string? CategoryText,
        string? RecommendingBody, string Status, string StatusText, DateTimeOffset? RecommendedAt, int SupplementRound,
        DateOnly? SupplementDeadline, bool SupplementDeadlineConfirmed, bool Overdue, DateTimeOffset? DecidedAt);

    public sealed record ReminderPreview(string Filter, int Applications, IReadOnlyList<QualificationReminders.Recipient> Recipients);

    public sealed record ReminderRequest(IReadOnlyList<Guid>? ApplicationIds, string? Note, string? Filter);

    public sealed record RemindersSent(int Applications, int Recipients, string Message);

    public static readonly IReadOnlyList<string> Headers =
    [
        "申报编号", "年度", "申报组织", "统一社会信用代码", "类别", "推荐单位", "状态", "推荐时间", "补正轮次", "补正期限", "是否逾期",
        "结论时间", "地区", "行业门类", "所属集团", "联系人", "联系电话", "联系邮箱",
    ];

    public static void MapQualificationListApi(this RouteGroupBuilder group)
    {
        group.MapGet("/queue", QueueAsync).RequireAuthorization(Policies.Office)
            .WithSummary("资格审查队列（分页：items、total、page、pageCount、pageSize）：默认待审查（推荐早者在前）、待补正（期限早者在前）、已作结论；可按 cycleId、year、status、category、region、industry、group、overdue、q 筛选，sort 可为 queue、number、organization、status、recommended、deadline、decided（活动办公室）");
        group.MapGet("/export", ExportAsync).RequireAuthorization(Policies.Office)
            .WithSummary("导出筛选后的资格审查队列（Excel，含联系人；记入审计日志；活动办公室）");
        group.MapGet("/reminder-recipients", PreviewAsync).RequireAuthorization(Policies.Office)
            .WithSummary("催办补正前预览：筛选参数同队列，返回筛选结果中待补正申报的组织用户（活动办公室）");
        group.MapPost("/reminders", SendAsync).RequireAuthorization(Policies.Office)
            .WithSummary("向预览过的待补正申报（applicationIds）的组织用户发送补正提醒（站内信和电子邮件，模板 qualification.supplement-reminder；note ≤500字；记入审计日志；活动办公室）");
    }

    private static async Task<Results<Ok<Paged<QueueItemDto>>, ValidationProblem>> QueueAsync([AsParameters] QualificationFilter filter,
        [AsParameters] ListQuery list, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var today = clock.Today();
        var page = await QualificationQueue.Sorts.Apply(QualificationQueue.Query(db, filter, today).AsNoTracking(), list).PageAsync(list, ct);
        return TypedResults.Ok(page.Map(r => new QueueItemDto(r.Id, r.Number, r.Year, r.OrganizationName, r.Category?.ToString(),
            r.Category is { } k ? Cycle.CategoryDisplay(k) : null, r.RecommendingBodyName, r.Status.ToString(), r.Status.Display(),
            r.RecommendedAt, r.SupplementRound, r.SupplementDeadline, r.SupplementDeadlineConfirmed, r.OverdueOn(today), r.DecidedAt)));
    }

    /// <summary>Every row of the filtered queue in the list's order, streamed; audited first (it carries contacts).</summary>
    public static async Task<Results<XlsxResult, ValidationProblem>> ExportAsync([AsParameters] QualificationFilter filter,
        [AsParameters] ListQuery list, AppDbContext db, ActionAudit audit, TimeProvider clock, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var today = clock.Today();
        var query = QualificationQueue.Sorts.Apply(QualificationQueue.Query(db, filter, today), list).AsNoTracking();
        var count = await query.CountAsync(ct);
        await audit.RecordDetailsAsync(ActionAudit.ListExport, "qualification", $"导出资格审查队列（Excel，{count} 条）",
            new { 筛选条件 = filter.Describe(), 条数 = count }, ct);
        var rows = query.AsEnumerable().Select(r => new object?[]
        {
            r.Number ?? "", r.Year, r.OrganizationName, r.Uscc, r.Category is { } c ? Cycle.CategoryDisplay(c) : "未选择", r.RecommendingBodyName ?? "",
            r.Status.Display(), r.RecommendedAt is { } ra ? ChinaTime.Format(ra) : "", r.SupplementRound,
            r.SupplementDeadline is { } d ? ChinaTime.Format(d) : "", r.OverdueOn(today) ? "是" : "", r.DecidedAt is { } da ? ChinaTime.Format(da) : "",
            RegionCatalog.ProvinceName(r.ProvinceCode), IndustryCatalog.FindSection(r.IndustrySection)?.Name ?? r.IndustrySection,
            r.GroupName ?? "", r.ContactName, r.ContactPhone, r.ContactEmail,
        });
        return new XlsxResult($"资格审查队列-{today:yyyyMMdd}.xlsx", "资格审查", Headers, rows);
    }

    private static async Task<Results<Ok<ReminderPreview>, ValidationProblem>> PreviewAsync([AsParameters] QualificationFilter filter,
        QualificationReminders reminders, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var recipients = await reminders.PreviewAsync(filter, ct);
        return TypedResults.Ok(new ReminderPreview(filter.Describe(), recipients.Select(r => r.ApplicationId).Distinct().Count(), recipients));
    }

    private static async Task<Results<Ok<RemindersSent>, ValidationProblem>> SendAsync(ReminderRequest request, QualificationReminders reminders,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ApplicationIds is not { Count: > 0 })
            errors["applicationIds"] = ["请填写 applicationIds：先用 GET /api/qualification/reminder-recipients 预览，再把其中的申报 id 传来。"];
        if ((request.Note?.Length ?? 0) > 500) errors["note"] = ["附言不能超过500个字。"];
        if ((request.Filter?.Length ?? 0) > 500) errors["filter"] = ["筛选条件说明不能超过500个字。"];
        if (errors.Count > 0) return ApiValidation.Problem(errors);
        var (apps, people) = await reminders.SendAsync(request.ApplicationIds!, request.Note, request.Filter ?? "", ct);
        return TypedResults.Ok(new RemindersSent(apps, people, $"已向 {apps} 份待补正申报的 {people} 位组织用户发送补正提醒（站内信和电子邮件）。"));
    }
}
