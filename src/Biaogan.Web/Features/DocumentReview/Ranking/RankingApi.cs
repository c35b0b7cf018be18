using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>JSON API of the 资料评审 ranking (the shortlist's and the feedback reports' endpoints are in their own features).</summary>
public static class RankingApi
{
    /// <summary>A ranking line; <c>applicationId</c> and <c>number</c> are null, and <c>name</c> an alias, while names are hidden from the caller.</summary>
    public sealed record RowDto(int Rank, Guid? ApplicationId, string? Number, string Name, bool NameShown, double? ConsensusPoints,
        double? RawMean, double? Calibrated, int? CalibratedRank, bool IsCalibrated, double? Spread, double? StdDev, int SubmittedSheets, string? Note);

    public sealed record CategoryDto(string Category, string CategoryText, IReadOnlyList<RowDto> Rows);

    /// <summary><c>version</c>: the stored ranking version (第几版) and when it was computed; <c>updating</c> while newer scores wait for the recompute.</summary>
    public sealed record RankingDto(Guid CycleId, string CycleName, double TotalPoints, IReadOnlyList<CategoryDto> Categories, IReadOnlyList<string> CalibrationNotes,
        int Version, DateTimeOffset ComputedAt, bool Updating);

    public static void MapRankingApi(this WebApplication app)
    {
        var group = app.MapApi("/document-review", "资料评审排名、入围与反馈");
        group.MapGet("/ranking/{cycleId:guid}", RankingAsync).RequireAuthorization(Policies.ReviewCommittee)
            .WithSummary("资料评审排名（按类别）：一致性总分、原始平均分、校准分、分差；评审委员会委员在名称公开前只看到代号（活动办公室、评审委员会）");
    }
    private static async Task<Results<Ok<RankingDto>, NotFoundProblem>> RankingAsync(Guid cycleId, ClaimsPrincipal user, RankingStore store, IRankingNames names, CancellationToken ct)
    {
        var stored = await RankingAccess.StoredForAsync(store, names, user, cycleId, ct);
        if (stored is null) return NotFound("年度活动不存在。");
        var board = stored.Board;
        return TypedResults.Ok(new RankingDto(board.CycleId, board.CycleName, board.TotalPoints,
            board.Categories.Select(c => new CategoryDto(c.Category.ToString(), c.CategoryText, c.Rows.Select(r => new RowDto(r.Rank,
                r.NameShown ? r.ApplicationId : null, r.Number, r.Name, r.NameShown, r.ConsensusPoints, r.RawMean, r.Calibrated, r.CalibratedRank,
                r.IsCalibrated, r.Spread, r.StdDev, r.SubmittedSheets, r.Note)).ToList())).ToList(),
            board.SmallComponents.Select(c => c.Explanation ?? "").ToList(), stored.Number, stored.ComputedAt, stored.Updating));
    }

    private static NotFoundProblem NotFound(string detail) => new("未找到", detail);
}
