using System.Security.Claims;
using System.Text.Json;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// 导出 Excel of the filtered application list (office only): the same filter and order as the list, every matching
/// row, streamed. The file carries the organisations' contacts, so each export is audited with its filter first.
/// </summary>
public static class ApplicationExport
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "申报编号", "年度", "申报组织", "统一社会信用代码", "类别", "状态", "地区", "行业门类", "所属集团",
        "联系人", "联系电话", "联系邮箱", "提交时间", "最后更新",
    ];

    public static async Task<Results<XlsxResult, ValidationProblem>> ExportAsync([AsParameters] ApplicationFilter filter,
        [AsParameters] ListQuery list, ClaimsPrincipal user, AppDbContext db, ApplicationAccess access, ActionAudit audit,
        TimeProvider clock, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var caller = await access.CallerAsync(user, ct);
        var query = ApplicationList.Sorts.Apply(ApplicationList.Query(db, caller, filter), list).AsNoTracking();
        var count = await query.CountAsync(ct);
        await audit.RecordDetailsAsync(ActionAudit.ListExport, "applications", $"导出申报列表（Excel，{count} 条）",
            new { 筛选条件 = filter.Describe(), 条数 = count }, ct);
        var rows = query.AsEnumerable().Select(r => new object?[]
        {
            r.Number ?? "（未提交）", r.Year, r.Organization, r.Uscc, r.Category is { } c ? Cycle.CategoryDisplay(c) : "未选择",
            r.Status.Display(), RegionCatalog.ProvinceName(r.ProvinceCode), IndustryCatalog.FindSection(r.IndustrySection)?.Name ?? r.IndustrySection,
            r.GroupName ?? "", r.ContactName, r.ContactPhone, r.ContactEmail,
            r.SubmittedAt is { } s ? ChinaTime.Format(s) : "", ChinaTime.Format(r.UpdatedAt),
        });
        return new XlsxResult($"申报列表-{clock.Today():yyyyMMdd}.xlsx", "申报列表", Headers, rows);
    }
}
