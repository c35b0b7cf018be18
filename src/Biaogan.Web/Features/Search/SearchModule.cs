using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Features.Search;

/// <summary>办公室检索: the /Search page and GET /api/search, for the office only.</summary>
public static class SearchModule
{
    public sealed record SearchResult(string Q, OfficeSearch.Kind Organizations, OfficeSearch.Kind Applications, OfficeSearch.Kind Reviewers, int Total);

    public static void AddSearch(this WebApplicationBuilder builder) => builder.Services.AddScoped<OfficeSearch>();

    public static void MapSearch(this WebApplication app)
    {
        var api = app.MapApi("/search", "办公室检索").RequireAuthorization(Policies.Office);
        api.MapGet("/", SearchAsync).WithSummary(
            "按组织名称或统一社会信用代码、申报编号、评审员姓名或工作单位检索（q，1–100字；每类最多返回20条并给出总数；活动办公室）");
    }

    /// <summary>Chinese message for a text that cannot be searched, or null.</summary>
    public static string? Problem(string? q) => q?.Trim() switch
    {
        null or "" => "请输入要检索的组织名称、统一社会信用代码、申报编号或评审员姓名。",
        { Length: > OfficeSearch.MaxLength } => $"检索内容不能超过{OfficeSearch.MaxLength}个字，请缩短后重试。",
        _ => null,
    };

    private static async Task<Results<Ok<SearchResult>, ValidationProblem>> SearchAsync(string? q, OfficeSearch search, CancellationToken ct)
    {
        if (Problem(q) is { } problem) return ApiValidation.Problem(new() { ["q"] = [problem] });
        var r = await search.FindAsync(q!, ct);
        return TypedResults.Ok(new SearchResult(r.Text, r.Organizations, r.Applications, r.Reviewers, r.Total));
    }
}
