using System.Text.Json;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>The 标杆与证书 list in the API and as Excel: one page of the filtered awards, and every row of them streamed.</summary>
public static class AwardListApi
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "证书编号", "年度", "组织", "统一社会信用代码", "类别", "服务名称", "状态", "授予时间", "撤销时间", "撤销原因",
        "奖牌编号", "奖牌制作日期", "奖牌交付日期", "签收人", "地区", "行业门类", "所属集团", "联系人", "联系电话", "联系邮箱",
    ];

    public static async Task<Results<Ok<Paged<AwardsApi.AwardDto>>, ValidationProblem>> ListAsync([AsParameters] AwardFilter filter,
        [AsParameters] ListQuery list, AppDbContext db, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var page = await AwardList.Sorts.Apply(AwardList.Query(db, filter).AsNoTracking(), list).PageAsync(list, ct);
        return TypedResults.Ok(page.Map(AwardsApi.Dto));
    }

    /// <summary>Every award of the filtered list in the list's order with its organisation's contact, streamed; audited first.</summary>
    public static async Task<Results<XlsxResult, ValidationProblem>> ExportAsync([AsParameters] AwardFilter filter,
        [AsParameters] ListQuery list, AppDbContext db, ActionAudit audit, TimeProvider clock, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var awards = AwardList.Sorts.Apply(AwardList.Query(db, filter), list).AsNoTracking();
        var count = await awards.CountAsync(ct);
        await audit.RecordDetailsAsync(ActionAudit.ListExport, "awards", $"导出标杆名单（Excel，{count} 条）",
            new { 筛选条件 = filter.Describe(), 条数 = count }, ct);
        var rows = from a in awards
                   join o in db.Set<Organization>() on a.OrganizationId equals o.Id into orgs
                   from o in orgs.DefaultIfEmpty()
                   select new { Award = a, Uscc = o == null ? "" : o.Uscc, Province = o == null ? "" : o.ProvinceCode,
                       Industry = o == null ? "" : o.IndustrySection, Group = o == null ? null : o.GroupName,
                       Contact = o == null ? "" : o.ContactName, Phone = o == null ? "" : o.ContactPhone, Email = o == null ? "" : o.ContactEmail };
        var cells = rows.AsEnumerable().Select(r => new object?[]
        {
            r.Award.CertificateNumber, r.Award.Year, r.Award.OrganizationName, r.Uscc, Cycles.Cycle.CategoryDisplay(r.Award.Category),
            r.Award.ServiceName ?? "", Award.StatusDisplay(r.Award.Status), ChinaTime.Format(r.Award.GrantedAt),
            r.Award.RevokedAt is { } rv ? ChinaTime.Format(rv) : "", r.Award.RevocationReason ?? "", r.Award.PlaqueNumber ?? "",
            r.Award.PlaqueMadeOn is { } m ? ChinaTime.Format(m) : "", r.Award.PlaqueDeliveredOn is { } d ? ChinaTime.Format(d) : "",
            r.Award.PlaqueRecipient ?? "", r.Province.Length > 0 ? RegionCatalog.ProvinceName(r.Province) : "",
            IndustryCatalog.FindSection(r.Industry)?.Name ?? r.Industry, r.Group ?? "", r.Contact, r.Phone, r.Email,
        });
        return new XlsxResult($"标杆名单-{clock.Today():yyyyMMdd}.xlsx", "标杆名单", Headers, cells);
    }
}
