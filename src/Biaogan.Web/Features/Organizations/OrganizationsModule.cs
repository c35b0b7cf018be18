using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Organizations;

public static class OrganizationsModule
{
    public static void AddOrganizations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IUnitNames, UnitNames>();
        builder.Services.AddScoped<OrganizationWorkflow>();
    }

    public static void MapOrganizations(this WebApplication app)
    {
        app.MapApi("/organizations", "申报组织").MapGet("/me", MyOrganizationAsync)
            .WithSummary("当前申报组织用户所属组织的信息");
        app.MapApi("/recommending-bodies", "推荐单位").MapGet("", ApprovedBodiesAsync)
            .WithSummary("已通过审核的推荐单位（供申报组织选择出具推荐意见的单位）");
    }

    public sealed record OrganizationDto(Guid Id, string Name, string Uscc, string ProvinceCode, string CityCode, string Region,
        string Address, string IndustrySection, string IndustryDivision, string Industry, string Ownership, string? GroupName,
        int? Employees, decimal? AnnualRevenue, string LegalRepresentative, string ContactName, string ContactPhone,
        string ContactEmail, int Version);

    public sealed record RecommendingBodyDto(Guid Id, string Name, string Kind, string KindName,
        string? ProvinceCode, string? IndustrySection, string Scope);

    private static async Task<IResult> MyOrganizationAsync(HttpContext http, AppDbContext db, CancellationToken ct)
    {
        // Per resource: only the organisation the caller belongs to, whatever id they might try.
        if (AppClaims.OrganizationOf(http.User) is not { } id)
            return Results.Problem(statusCode: 404, title: "未关联申报组织", detail: "当前账号不属于任何申报组织。");
        var o = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return Results.Problem(statusCode: 404, title: "申报组织不存在", detail: "您的账号所关联的申报组织已不存在，请联系活动办公室。");
        return Results.Ok(new OrganizationDto(o.Id, o.Name, o.Uscc, o.ProvinceCode, o.CityCode,
            RegionCatalog.DisplayName(o.ProvinceCode, o.CityCode), o.Address, o.IndustrySection, o.IndustryDivision,
            $"{IndustryCatalog.SectionDisplay(o.IndustrySection)} / {IndustryCatalog.DivisionDisplay(o.IndustryDivision)}",
            o.Ownership, o.GroupName, o.Employees, o.AnnualRevenue, o.LegalRepresentative, o.ContactName, o.ContactPhone,
            o.ContactEmail, o.Version));
    }

    private static async Task<IResult> ApprovedBodiesAsync(AppDbContext db, CancellationToken ct)
    {
        var bodies = await db.Set<RecommendingBody>().AsNoTracking()
            .Where(b => b.Status == RecommendingBodyStatus.Approved).OrderBy(b => b.Name).ToListAsync(ct);
        return Results.Ok(bodies.Select(b => new RecommendingBodyDto(b.Id, b.Name, b.Kind.ToString(), RecommendingBody.KindDisplay(b.Kind),
            b.ProvinceCode, b.IndustrySection, b.Scope())));
    }
}
