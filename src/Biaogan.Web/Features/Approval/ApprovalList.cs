using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Approval;

/// <summary>
/// The filters of the 审定 list (page and API): 审定结论 (Undecided 未记录, Approved 审定通过, NotApproved 审定不通过), 类别,
/// 地区, 行业, 所属集团 and a text matching the 申报编号 by prefix or the organisation's name anywhere. A value that names
/// nothing is refused (docs/decisions/0055).
/// </summary>
public sealed class ApprovalFilter
{
    public static readonly IReadOnlyList<(string Value, string Text)> Statuses =
        [("Undecided", "未记录结论"), ("Approved", "审定通过"), ("NotApproved", "审定不通过")];

    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "group")] public string? Group { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(Status) && Statuses.All(s => s.Value != Status))
            errors["status"] = [$"审定结论“{Status}”不存在；可选：{string.Join("、", Statuses.Select(s => $"{s.Value}（{s.Text}）"))}。"];
        ListFacets.Check(errors, Category, Region, Industry, Group, Q);
        return errors;
    }

    public AwardCategory? ParsedCategory => ListFacets.ParseCategory(Category);

    public bool HasFacets => !string.IsNullOrEmpty(Region) || !string.IsNullOrEmpty(Industry) || !string.IsNullOrWhiteSpace(Group);

    public Dictionary<string, string?> RouteValues() => new()
    {
        ["status"] = Status, ["category"] = Category, ["region"] = Region, ["industry"] = Industry, ["group"] = Group, ["q"] = Q,
    };

    public bool Any => RouteValues().Values.Any(v => !string.IsNullOrEmpty(v));

    public bool Matches(ApprovalItem item) => Status switch
    {
        "Undecided" => item.Approved is null,
        "Approved" => item.Approved == true,
        "NotApproved" => item.Approved == false,
        _ => true,
    };
}

/// <summary>An organisation on the 审定 list with its place in the whole list (序号, from 1), its 申报编号 and the counted votes
/// (<see cref="ApprovalRound.Tally"/>).</summary>
public sealed record ApprovalRow(int Position, ApprovalItem Item, string? Number, int For, int Against, int Recused);

/// <summary>
/// The 审定 list as a server-side list (docs/decisions/0055). The list is the round's items, one JSON document in the
/// round's row (bounded by the recommended list after the 公示), so it is filtered, sorted and paged in memory
/// (<see cref="InMemoryPaging"/>) like the stored ranking; the 申报编号 and the organisation facets are one query on the
/// round's applications. The page and <c>GET /api/approval</c> share it; what the office decides on (the finalise
/// confirmation, the counts) reads the whole round.
/// </summary>
public static class ApprovalList
{
    public static readonly SortMap<ApprovalRow> Sorts = new SortMap<ApprovalRow>("order", false, r => r.Item.ApplicationId)
        .Add("order", r => r.Item.Order)
        .Add("number", r => r.Number ?? "")
        .Add("name", r => r.Item.OrganizationName)
        .Add("category", r => r.Item.Category)
        .Add("for", r => r.For, descendingFirst: true)
        .Add("against", r => r.Against, descendingFirst: true)
        .Add("decision", r => r.Item.Approved == null ? 0 : r.Item.Approved == true ? 1 : 2);

    /// <summary>One page of the round's items matching <paramref name="filter"/> (which must be valid).</summary>
    public static async Task<Paged<ApprovalRow>> PageAsync(AppDbContext db, ApprovalRound round, ApprovalFilter filter, ListQuery list,
        CancellationToken ct)
    {
        var ids = round.Items.Select(i => i.ApplicationId).ToList();
        var positions = round.Items.OrderBy(i => i.Order).Select((i, k) => (i.ApplicationId, k + 1)).ToDictionary();
        // The inner join keeps only the applications whose organisation matches the facets (all of them without facets).
        var numbers = await (from a in db.Set<Application>().AsNoTracking().Where(a => ids.Contains(a.Id))
                             join o in ListFacets.Organizations(db, filter.Region, filter.Industry, filter.Group) on a.OrganizationId equals o.Id
                             select new { a.Id, a.Number }).ToDictionaryAsync(a => a.Id, a => a.Number, ct);
        IEnumerable<ApprovalItem> items = round.Items.Where(i => (!filter.HasFacets || numbers.ContainsKey(i.ApplicationId)) && filter.Matches(i));
        if (filter.ParsedCategory is { } category) items = items.Where(i => i.Category == category);
        var rows = items.Select(i =>
        {
            var (f, a, x) = round.Tally(i.ApplicationId);
            return new ApprovalRow(positions[i.ApplicationId], i, numbers.GetValueOrDefault(i.ApplicationId), f, a, x);
        });
        if (filter.Q?.Trim() is { Length: > 0 } q)
            rows = rows.Where(r => RankingFilter.MatchesText(r.Item.OrganizationName, r.Number, q));
        return Sorts.Apply(rows.ToList().AsQueryable(), list).PageOf(list);
    }
}
