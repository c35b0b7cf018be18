using System.Text.Json;
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

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>A cycle's feedback-report list in the API and as Excel: one page of the filtered rows, and every row of them streamed.</summary>
public static class FeedbackListApi
{
    public static readonly IReadOnlyList<string> Headers =
        ["申报编号", "申报组织", "类别", "报告状态", "发放时间", "地区", "行业门类", "所属集团"];

    public static async Task<Results<Ok<Paged<FeedbackApi.RowDto>>, NotFoundProblem, ValidationProblem>> ListAsync(Guid cycleId,
        [AsParameters] FeedbackFilter filter, [AsParameters] ListQuery list, AppDbContext db, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        if (!await db.Set<Cycle>().AnyAsync(c => c.Id == cycleId, ct)) return NoCycle();
        var query = (await FeedbackListQuery.QueryAsync(db, cycleId, filter, ct)).AsNoTracking();
        var page = await FeedbackListQuery.Sorts.Apply(query, list).PageAsync(list, ct);
        return TypedResults.Ok(page.Map(r => new FeedbackApi.RowDto(r.ApplicationId, r.Number, r.Organization, r.Category?.ToString(),
            r.Status?.ToString(), r.Status is { } s ? FeedbackReport.StatusDisplay(s) : "未生成", r.Version)));
    }

    /// <summary>Every row of the filtered list in the list's order, streamed; audited first like every list export.</summary>
    public static async Task<Results<XlsxResult, NotFoundProblem, ValidationProblem>> ExportAsync(Guid cycleId,
        [AsParameters] FeedbackFilter filter, [AsParameters] ListQuery list, AppDbContext db, ActionAudit audit, TimeProvider clock,
        CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null) return NoCycle();
        var query = FeedbackListQuery.Sorts.Apply((await FeedbackListQuery.QueryAsync(db, cycleId, filter, ct)).AsNoTracking(), list);
        var count = await query.CountAsync(ct);
        await audit.RecordDetailsAsync(ActionAudit.ListExport, "feedback", $"导出反馈报告列表（Excel，{count} 条）",
            new { 年度活动 = cycle.Name, 筛选条件 = filter.Describe(), 条数 = count }, ct);
        var rows = query.AsEnumerable().Select(r => new object?[]
        {
            r.Number ?? "", r.Organization, r.Category is { } c ? Cycle.CategoryDisplay(c) : "未选择",
            r.Status is { } s ? FeedbackReport.StatusDisplay(s) : "未生成", r.ReleasedAt is { } at ? ChinaTime.Format(at) : "",
            RegionCatalog.ProvinceName(r.ProvinceCode), IndustryCatalog.FindSection(r.IndustrySection)?.Name ?? r.IndustrySection, r.GroupName ?? "",
        });
        return new XlsxResult($"反馈报告列表-{clock.Today():yyyyMMdd}.xlsx", "反馈报告", Headers, rows);
    }

    private static NotFoundProblem NoCycle() => new("未找到", "年度活动不存在，请从年度活动列表中选择。");
}
