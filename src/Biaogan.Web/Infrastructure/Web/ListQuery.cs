using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// Which page of a server-side list to show and in which order, bound from the query string the same way on a page
/// and in the JSON API: <c>p</c> (page, from 1), <c>size</c> (rows per page, 1–200, default 50), <c>sort</c> (a key
/// the list offers) and <c>dir</c> (<c>asc</c>/<c>desc</c>). Lists with thousands of rows count and fetch one page in
/// the database; nothing here reads every row (docs/decisions/0049).
/// </summary>
public sealed class ListQuery
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    [FromQuery(Name = "p")] public int? Page { get; set; }
    [FromQuery(Name = "size")] public int? Size { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "dir")] public string? Dir { get; set; }

    public int PageSize => Math.Clamp(Size ?? DefaultSize, 1, MaxSize);

    /// <summary>The explicit direction, or null when the list's default for the key applies.</summary>
    public bool? Descending => Dir?.ToLowerInvariant() switch { "desc" => true, "asc" => false, _ => null };

    /// <summary>The paging and sort values for links (the filters are added by the page).</summary>
    public Dictionary<string, string?> RouteValues() => new()
    {
        ["sort"] = Sort, ["dir"] = Dir, ["size"] = Size is { } s && s != DefaultSize ? s.ToString() : null,
    };
}

/// <summary>One page of a list: the rows, the number of rows of the whole filtered list, and where this page is.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public Paged<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Total, Page, PageSize);
}

/// <summary>
/// The sort keys a list offers, each an expression the database orders by, plus a unique tie-breaker so that
/// paging is stable. An unknown key falls back to the default (a stale bookmark still opens the list).
/// </summary>
public sealed class SortMap<T>(string defaultKey, bool defaultDescending, Expression<Func<T, Guid>> tieBreaker)
{
    private readonly Dictionary<string, (Func<IQueryable<T>, bool, IOrderedQueryable<T>> Order, bool Descending)> keys =
        new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Keys => keys.Keys;

    /// <param name="descendingFirst">The direction of the first click on the column (dates and scores: newest first).</param>
    public SortMap<T> Add<TKey>(string key, Expression<Func<T, TKey>> by, bool descendingFirst = false)
    {
        keys[key] = ((q, desc) => desc ? q.OrderByDescending(by) : q.OrderBy(by), descendingFirst);
        return this;
    }

    /// <summary>A key ordered by several columns (a work queue: the rows to act on first, each group in its own order);
    /// <paramref name="order"/> receives whether the list is reversed.</summary>
    public SortMap<T> AddOrder(string key, Func<IQueryable<T>, bool, IOrderedQueryable<T>> order, bool descendingFirst = false)
    {
        keys[key] = (order, descendingFirst);
        return this;
    }

    public (string Key, bool Descending) Resolve(ListQuery list)
    {
        var key = list.Sort is { } s && keys.ContainsKey(s) ? s : defaultKey;
        var desc = list.Descending ?? (key == defaultKey ? defaultDescending : keys[key].Descending);
        return (keys.Keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)), desc);
    }

    public IQueryable<T> Apply(IQueryable<T> query, ListQuery list)
    {
        var (key, desc) = Resolve(list);
        var ordered = keys[key].Order(query, desc);
        return desc ? ordered.ThenByDescending(tieBreaker) : ordered.ThenBy(tieBreaker);
    }
}

public static class Paging
{
    /// <summary>Counts the filtered list and fetches the requested page (clamped to the last page).</summary>
    public static async Task<Paged<T>> PageAsync<T>(this IQueryable<T> ordered, ListQuery list, CancellationToken ct = default)
    {
        var size = list.PageSize;
        var total = await ordered.CountAsync(ct);
        var pages = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(list.Page ?? 1, 1, pages);
        var items = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<T>(items, total, page, size);
    }
}

public static class InMemoryPaging
{
    /// <summary>
    /// One page of a list already in memory (a stored, immutable snapshot such as the 资料评审 ranking), with the same
    /// clamping as <see cref="Paging.PageAsync{T}"/>.
    /// </summary>
    public static Paged<T> PageOf<T>(this IEnumerable<T> ordered, ListQuery list)
    {
        var all = ordered as IReadOnlyList<T> ?? ordered.ToList();
        var size = list.PageSize;
        var pages = Math.Max(1, (all.Count + size - 1) / size);
        var page = Math.Clamp(list.Page ?? 1, 1, pages);
        return new Paged<T>(all.Skip((page - 1) * size).Take(size).ToList(), all.Count, page, size);
    }
}

/// <summary>
/// What the shared pager and sort-header partials (Features/Shared/_Pager.cshtml, _SortHeader.cshtml) need: the
/// page's position and the route values of its filters, so every link keeps the filters.
/// </summary>
public sealed record ListView(int Total, int Page, int PageCount, string SortKey, bool Descending, IReadOnlyDictionary<string, string?> Filters,
    ListQuery Query)
{
    public static ListView Of<T, TRow>(Paged<TRow> page, SortMap<T> sorts, ListQuery query, IReadOnlyDictionary<string, string?> filters)
    {
        var (key, desc) = sorts.Resolve(query);
        return new ListView(page.Total, page.Page, page.PageCount, key, desc, filters, query);
    }

    /// <summary>Route values of the list at <paramref name="page"/> with its filters and order.</summary>
    public Dictionary<string, string> At(int page, string? sort = null, bool? descending = null)
    {
        var values = new Dictionary<string, string>();
        foreach (var (k, v) in Filters) if (!string.IsNullOrEmpty(v)) values[k] = v;
        foreach (var (k, v) in Query.RouteValues()) if (!string.IsNullOrEmpty(v)) values[k] = v;
        if (sort is not null)
        {
            values["sort"] = sort;
            values["dir"] = descending == true ? "desc" : "asc";
        }
        if (page > 1) values["p"] = page.ToString();
        return values;
    }

    public SortHeader Header(string key, string label) => new(this, key, label);

    /// <summary>A column header's link: the first click sorts ascending, a click on the current column reverses it.</summary>
    public Dictionary<string, string> SortedBy(string key) =>
        At(1, key, string.Equals(key, SortKey, StringComparison.OrdinalIgnoreCase) && !Descending);
}

/// <summary>The model of the shared partial _SortHeader.cshtml: one sortable column header.</summary>
public sealed record SortHeader(ListView List, string Key, string Label)
{
    public bool Active => string.Equals(Key, List.SortKey, StringComparison.OrdinalIgnoreCase);
}
