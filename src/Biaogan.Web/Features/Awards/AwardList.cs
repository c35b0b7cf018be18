using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Awards;

/// <summary>
/// The filters of the office's 标杆与证书 list, bound from the query string by the page, the API and the Excel export
/// alike: 年度, 状态 (有效/确认中/已撤销), 类别, 地区, 行业, 所属集团 (on the organisation), 奖牌 (registered or not), and
/// a text matching the 证书编号 by prefix or the organisation's name anywhere. A value that names nothing is refused.
/// </summary>
public sealed class AwardFilter
{
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "group")] public string? Group { get; set; }
    [FromQuery(Name = "plaque")] public bool? Plaque { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(Status) && ParsedStatus is null)
            errors["status"] = [$"状态“{Status}”不存在；可选：{string.Join("、", Enum.GetValues<AwardStatus>().Select(s => $"{s}（{Award.StatusDisplay(s)}）"))}。"];
        ListFacets.Check(errors, Category, Region, Industry, Group, Q);
        return errors;
    }

    public AwardStatus? ParsedStatus =>
        Enum.TryParse<AwardStatus>(Status, out var s) && Enum.IsDefined(s) && !int.TryParse(Status, out _) ? s : null;

    public AwardCategory? ParsedCategory => ListFacets.ParseCategory(Category);

    public Dictionary<string, string?> RouteValues() => new()
    {
        ["year"] = Year?.ToString(), ["status"] = Status, ["category"] = Category, ["region"] = Region, ["industry"] = Industry,
        ["group"] = Group, ["plaque"] = Plaque?.ToString().ToLowerInvariant(), ["q"] = Q,
    };

    public bool Any => RouteValues().Values.Any(v => !string.IsNullOrEmpty(v));

    /// <summary>What the filter selects, in words (the export's audit record).</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Year is { } y) parts.Add($"{y}年度");
        if (ParsedStatus is { } s) parts.Add($"状态：{Award.StatusDisplay(s)}");
        ListFacets.Describe(parts, ParsedCategory, Region, Industry, Group);
        if (Plaque is { } p) parts.Add(p ? "已登记奖牌" : "未登记奖牌");
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add($"搜索：{Q.Trim()}");
        return parts.Count == 0 ? "全部标杆" : string.Join("；", parts);
    }
}

/// <summary>
/// 标杆与证书 as a server-side list: awards filtered, sorted and paged in the database (the organisation's facets
/// through a subquery, so an award whose organisation has no match drops out without loading anything).
/// By default the latest year first, each year in certificate-number order. Page, API and export share it.
/// </summary>
public static class AwardList
{
    public static readonly SortMap<Award> Sorts = new SortMap<Award>("year", true, a => a.Id)
        .AddOrder("year", (q, desc) => desc ? q.OrderByDescending(a => a.Year).ThenBy(a => a.CertificateNumber)
            : q.OrderBy(a => a.Year).ThenBy(a => a.CertificateNumber), descendingFirst: true)
        .Add("number", a => a.CertificateNumber)
        .Add("organization", a => a.OrganizationName)
        .Add("status", a => a.Status)
        .Add("granted", a => a.GrantedAt, descendingFirst: true);

    public static IQueryable<Award> Query(AppDbContext db, AwardFilter filter)
    {
        var awards = db.Set<Award>().AsQueryable();
        if (filter.Year is { } year) awards = awards.Where(a => a.Year == year);
        if (filter.ParsedStatus is { } status) awards = awards.Where(a => a.Status == status);
        if (filter.ParsedCategory is { } category) awards = awards.Where(a => a.Category == category);
        if (filter.Plaque is { } plaque) awards = awards.Where(a => (a.PlaqueNumber != null) == plaque);
        if (!string.IsNullOrEmpty(filter.Region) || !string.IsNullOrEmpty(filter.Industry) || !string.IsNullOrWhiteSpace(filter.Group))
        {
            var orgs = ListFacets.Organizations(db, filter.Region, filter.Industry, filter.Group);
            awards = awards.Where(a => orgs.Any(o => o.Id == a.OrganizationId));
        }
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            var upper = q.ToUpperInvariant();
            awards = awards.Where(a => a.CertificateNumber.StartsWith(upper) || a.OrganizationName.Contains(q));
        }
        return awards;
    }
}
