using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// The filters of the ranking, the shortlist and their API lists, bound from the query string: 类别, 地区, 行业, 所属集团
/// (on the organisation) and a text matching the 申报编号 by prefix or the name anywhere. A value that names nothing is
/// refused. While a category's names are hidden from a committee member, the text matches the alias shown and the
/// organisation facets are refused (they would point at an organisation behind an alias).
/// </summary>
public sealed class RankingFilter
{
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "group")] public string? Group { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public AwardCategory? ParsedCategory => ListFacets.ParseCategory(Category);

    public bool HasFacets => !string.IsNullOrEmpty(Region) || !string.IsNullOrEmpty(Industry) || !string.IsNullOrWhiteSpace(Group);

    /// <summary>Values that name nothing, and organisation facets on categories whose names <paramref name="names"/> hides.</summary>
    public Dictionary<string, string[]> Errors(RankingNames names, IEnumerable<AwardCategory> scope)
    {
        var errors = new Dictionary<string, string[]>();
        ListFacets.Check(errors, Category, Region, Industry, Group, Q);
        if (HasFacets && scope.Where(names.IsHidden).ToList() is { Count: > 0 } hidden)
            errors["region"] = [$"评议期间{string.Join("、", hidden.Select(Cycle.CategoryDisplay))}申报组织名称已隐藏，不能按地区、行业或所属集团筛选；名称公开后可用。"];
        return errors;
    }

    public Dictionary<string, string?> RouteValues() => new()
    {
        ["category"] = Category, ["region"] = Region, ["industry"] = Industry, ["group"] = Group, ["q"] = Q,
    };

    public bool Any => RouteValues().Values.Any(v => !string.IsNullOrEmpty(v));

    /// <summary>The cycle's applications whose organisation matches the 地区, 行业 and 集团 facets (one query); null without facets.</summary>
    public async Task<HashSet<Guid>?> ApplicationsOfFacetsAsync(AppDbContext db, Guid cycleId, CancellationToken ct)
    {
        if (!HasFacets) return null;
        var orgs = ListFacets.Organizations(db, Region, Industry, Group);
        return (await db.Set<Application>().AsNoTracking()
            .Where(a => a.CycleId == cycleId && orgs.Any(o => o.Id == a.OrganizationId)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Whether a line's name contains <paramref name="q"/> or its 申报编号 starts with it.</summary>
    public static bool MatchesText(string name, string? number, string q) =>
        name.Contains(q, StringComparison.OrdinalIgnoreCase) || (number?.StartsWith(q, StringComparison.OrdinalIgnoreCase) ?? false);
}

/// <summary>A ranking line with its place in the stored board (<see cref="Order"/>: the ranking's own order within its category).</summary>
public sealed record RankedRow(int Order, RankingRow Row);

/// <summary>
/// The stored ranking as a server-side list (docs/decisions/0054): the board of the version shown is parsed once per
/// node (<see cref="RankingStore"/>), the organisation facets are one query on the cycle's applications, and only the
/// rows of the requested page get their alias and are rendered. Ranking page, shortlist and the ranking API share it.
/// </summary>
public static class RankingList
{
    public static readonly SortMap<RankedRow> Sorts = new SortMap<RankedRow>("rank", false, r => r.Row.ApplicationId)
        .AddOrder("rank", (q, desc) => desc ? q.OrderBy(r => r.Row.Category).ThenByDescending(r => r.Order)
            : q.OrderBy(r => r.Row.Category).ThenBy(r => r.Order))
        .Add("consensus", r => r.Row.ConsensusPoints ?? double.MinValue, descendingFirst: true)
        .Add("raw", r => r.Row.RawMean ?? double.MinValue, descendingFirst: true)
        .Add("calibrated", r => r.Row.Calibrated ?? double.MinValue, descendingFirst: true)
        .Add("spread", r => (r.Row.MaxScore - r.Row.MinScore) ?? double.MinValue, descendingFirst: true)
        .Add("sheets", r => r.Row.SubmittedSheets, descendingFirst: true)
        .Add("number", r => r.Row.Number ?? "")
        .Add("name", r => r.Row.Name);

    /// <summary>
    /// One page of <paramref name="board"/>'s rows matching <paramref name="filter"/> (and <paramref name="only"/>, e.g. the
    /// shortlist's candidates), as the viewer may see them (<paramref name="names"/>). The filter must be valid.
    /// </summary>
    public static async Task<Paged<RankingRow>> PageAsync(AppDbContext db, RankingBoard board, RankingNames names, RankingFilter filter,
        ListQuery list, Func<RankingRow, bool>? only, CancellationToken ct)
    {
        var category = filter.ParsedCategory;
        IEnumerable<RankedRow> rows = board.Categories.Where(c => category is null || c.Category == category)
            .SelectMany(c => c.Rows.Select((r, i) => new RankedRow(i, r)));
        if (only is not null) rows = rows.Where(r => only(r.Row));
        if (await filter.ApplicationsOfFacetsAsync(db, board.CycleId, ct) is { } matching)
            rows = rows.Where(r => matching.Contains(r.Row.ApplicationId));
        var (key, _) = Sorts.Resolve(list);
        var q = filter.Q?.Trim();
        // The text and the name and number orders work on what the viewer sees: aliases where names are hidden.
        var shownFirst = names.Hidden.Count > 0 && (q is { Length: > 0 } || key is "name" or "number");
        if (shownFirst) rows = rows.Select(r => r with { Row = names.Show(r.Row) });
        if (q is { Length: > 0 })
            rows = rows.Where(r => RankingFilter.MatchesText(r.Row.Name, r.Row.Number, q));
        var page = Sorts.Apply(rows.ToList().AsQueryable(), list).PageOf(list);
        return shownFirst ? page.Map(r => r.Row) : page.Map(r => names.Show(r.Row));
    }
}
