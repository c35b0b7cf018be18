using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>A 综合评价 line with its place in the board's order (<see cref="Order"/>).</summary>
public sealed record PlacedRow(int Order, EvaluationRow Row);

/// <summary>
/// The 综合评价 board as a server-side list for the committee's vote table and the API (docs/decisions/0054): the board
/// (a finalised category's kept figures, else the live one) filtered by 地区, 行业, 所属集团 (one query on the cycle's
/// applications) and 申报编号或名称, sorted and paged; only the page's rows are rendered. The office's outcome form keeps
/// every row: the recommended list is ranked across all of them.
/// </summary>
public static class EvaluationList
{
    public static readonly SortMap<PlacedRow> Sorts = new SortMap<PlacedRow>("place", false, r => r.Row.ApplicationId)
        .Add("place", r => r.Order)
        .Add("combined", r => r.Row.CombinedScore ?? decimal.MinValue, descendingFirst: true)
        .Add("document", r => r.Row.DocumentScore ?? decimal.MinValue, descendingFirst: true)
        .Add("onsite", r => r.Row.OnSiteScore ?? decimal.MinValue, descendingFirst: true)
        .Add("number", r => r.Row.Number ?? "")
        .Add("name", r => r.Row.Name);

    /// <summary>One page of the board's rows matching <paramref name="filter"/> (which must be valid; its category is the board's).</summary>
    public static async Task<Paged<EvaluationRow>> PageAsync(AppDbContext db, EvaluationBoard board, RankingFilter filter, ListQuery list,
        CancellationToken ct)
    {
        IEnumerable<PlacedRow> rows = board.Rows.Select((r, i) => new PlacedRow(i, r));
        if (await filter.ApplicationsOfFacetsAsync(db, board.Cycle.Id, ct) is { } matching)
            rows = rows.Where(r => matching.Contains(r.Row.ApplicationId));
        if (filter.Q?.Trim() is { Length: > 0 } q)
            rows = rows.Where(r => RankingFilter.MatchesText(r.Row.Name, r.Row.Number, q));
        return Sorts.Apply(rows.ToList().AsQueryable(), list).PageOf(list).Map(r => r.Row);
    }
}
