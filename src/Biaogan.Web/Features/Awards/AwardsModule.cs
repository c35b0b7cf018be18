using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace Biaogan.Web.Features.Awards;

/// <summary>奖励 (第三十一、三十二条): certificates, plaques, the registry's status changes, the seal, the public registry's JSON.</summary>
public static class AwardsModule
{
    public static void AddAwards(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AwardCertificates>();
        builder.Services.AddScoped<AwardOffice>();
        builder.Services.AddScoped<AwardStanding>();
        builder.Services.AddScoped<Biaogan.Web.Features.Shared.IApplicantMenu, AwardedOrganizations>();
        builder.Services.Configure<ConfirmationDueOptions>(builder.Configuration.GetSection("Confirmation:Due"));
        builder.Services.AddSingleton<ConfirmationDue>();
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, VerifyRateLimit>(VerifyRateLimit.Name));
        // Verification and the registry must be current on every node: cached public pages are keyed by the database's public version.
        builder.Services.AddPublicVersionCaching();
    }

    public static void MapAwards(this WebApplication app)
    {
        // The registry as JSON for reuse (media, the association's site): anonymous, cached like the page, same content.
        app.MapGet("/api/public/benchmarks", RegistryAsync)
            .AllowAnonymous()
            .CacheOutput(WebModule.PublicPagePolicy)
            .WithTags("公开信息")
            .WithSummary("全国用户满意标杆名录（分页：items、total、page、pageCount、pageSize）：组织、类别、服务名称、证书编号、状态；可按 year、status、category、region、q（证书编号或组织名称）筛选，sort 可为 year（默认）、number、organization；不含任何评分");
        app.MapGet("/Awards/Export", AwardListApi.ExportAsync)
            .RequireAuthorization(Accounts.Policies.Office).ExcludeFromDescription();
        app.MapAwardsApi();
    }

    private static async Task<Results<Ok<Paged<RegistryEntry>>, ValidationProblem>> RegistryAsync([AsParameters] RegistryFilter filter,
        [AsParameters] ListQuery list, AppDbContext db, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        return TypedResults.Ok(await AwardRegistry.PageAsync(db, filter, list, ct));
    }
}
