using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>JSON API of the 资料评审 ranking (the shortlist's and the feedback reports' endpoints are in their own features).</summary>
public static class RankingApi
{
    /// <summary>A ranking line; <c>applicationId</c> and <c>number</c> are null, and <c>name</c> an alias, while names are hidden from the caller.</summary>
    public sealed record RowDto(string Category, int Rank, Guid? ApplicationId, string? Number, string Name, bool NameShown, double? ConsensusPoints,
        double? RawMean, double? Calibrated, int? CalibratedRank, bool IsCalibrated, double? Spread, double? StdDev, int SubmittedSheets, string? Note);

    /// <summary>A category of the whole ranking: its applications and how many have an agreed consensus (not only the page's).</summary>
    public sealed record CategoryDto(string Category, string CategoryText, int Count, int Agreed);

    /// <summary>
    /// <c>version</c>: the stored ranking version (第几版) and when it was computed; <c>updating</c> while newer scores wait
    /// for the recompute; <c>rows</c>: one page of the filtered, sorted ranking (<c>items</c>, <c>total</c>, <c>page</c>,
    /// <c>pageCount</c>, <c>pageSize</c>).
    /// </summary>
    public sealed record RankingDto(Guid CycleId, string CycleName, double TotalPoints, IReadOnlyList<CategoryDto> Categories, IReadOnlyList<string> CalibrationNotes,
        int Version, DateTimeOffset ComputedAt, bool Updating, Paged<RowDto> Rows);

    public static void MapRankingApi(this WebApplication app)
    {
        var group = app.MapApi("/document-review", "资料评审排名、入围与反馈");
        group.MapGet("/ranking/{cycleId:guid}", RankingAsync).RequireAuthorization(Policies.ReviewCommittee)
            .WithSummary("资料评审排名（分页，可按类别、地区、行业、所属集团、申报编号或名称筛选，sort：rank、consensus、raw、calibrated、spread、sheets、number、name）：一致性总分、原始平均分、校准分、分差；评审委员会委员在名称公开前只看到代号，不能按地区、行业、集团筛选（活动办公室、评审委员会）");
    }
    private static async Task<Results<Ok<RankingDto>, NotFoundProblem, ValidationProblem>> RankingAsync(Guid cycleId, [AsParameters] RankingFilter filter,
        [AsParameters] ListQuery list, ClaimsPrincipal user, RankingStore store, IRankingNames names, AppDbContext db, CancellationToken ct)
    {
        var stored = await store.ReadAsync(cycleId, ct);
        if (stored is null) return NotFound("年度活动不存在。");
        var board = stored.Board;
        var shown = board.Categories.Select(c => c.Category).ToList();
        var seen = user.IsOffice() ? RankingNames.AllShown : await names.NamesAsync(cycleId, shown, ct);
        if (filter.Errors(seen, filter.ParsedCategory is { } k ? [k] : shown) is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var page = await RankingList.PageAsync(db, board, seen, filter, list, null, ct);
        return TypedResults.Ok(new RankingDto(board.CycleId, board.CycleName, board.TotalPoints,
            board.Categories.Select(c => new CategoryDto(c.Category.ToString(), c.CategoryText, c.Rows.Count, c.Rows.Count(r => r.ConsensusPoints is not null))).ToList(),
            board.SmallComponents.Select(c => c.Explanation ?? "").ToList(), stored.Number, stored.ComputedAt, stored.Updating,
            page.Map(r => new RowDto(r.Category.ToString(), r.Rank, r.NameShown ? r.ApplicationId : null, r.Number, r.Name, r.NameShown,
                r.ConsensusPoints, r.RawMean, r.Calibrated, r.CalibratedRank, r.IsCalibrated, r.Spread, r.StdDev, r.SubmittedSheets, r.Note))));
    }

    private static NotFoundProblem NotFound(string detail) => new("未找到", detail);
}
