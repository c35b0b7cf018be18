using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Approval;

/// <summary>A winner as announced (获奖名单公告): no scores, no votes.</summary>
public sealed record ResultEntry(string OrganizationName, string Category, string? ServiceName, string CertificateNumber, bool Revoked);

public sealed record ResultsView(int Year, string Title, IReadOnlyList<ResultEntry> Winners)
{
    /// <summary>The year's winners in certificate order, or null when no award of that year has been granted.</summary>
    public static async Task<ResultsView?> ForYearAsync(AppDbContext db, int year, CancellationToken ct = default)
    {
        var awards = await db.Set<Award>().AsNoTracking().Where(a => a.Year == year).OrderBy(a => a.CertificateNumber).ToListAsync(ct);
        if (awards.Count == 0) return null;
        return new ResultsView(year, $"{year}年度全国用户满意标杆获奖名单公告", awards.Select(a => new ResultEntry(a.OrganizationName,
            Cycle.CategoryDisplay(a.Category), a.ServiceName, a.CertificateNumber, a.Status == AwardStatus.Revoked)).ToList());
    }
}

public static class ResultsApi
{
    public static void MapResultsApi(this WebApplication app) =>
        app.MapGroup("/api/public/results").AllowAnonymous().WithTags("公开信息").CacheOutput(WebModule.PublicPagePolicy)
            .MapGet("/{year:int}", async (int year, AppDbContext db, CancellationToken ct) =>
                await ResultsView.ForYearAsync(db, year, ct) is { } r
                    ? TypedResults.Ok(r) : (Results<Ok<ResultsView>, NotFound>)TypedResults.NotFound())
            .WithSummary("年度获奖名单公告");
}
