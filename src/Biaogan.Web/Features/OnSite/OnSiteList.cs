using System.Linq.Expressions;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.OnSite;

/// <summary>
/// The filters of the office's 现场评审 list (page and API): 状态 (None = 尚未建立现场评审记录, or a visit's status), 类别,
/// 地区, 行业, 所属集团 and a text matching the 申报编号 by prefix or the organisation's name anywhere. A value that names
/// nothing is refused (docs/decisions/0055).
/// </summary>
public sealed class OnSiteFilter
{
    public const string NotPrepared = "None";

    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "group")] public string? Group { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(Status) && Status != NotPrepared && ParsedStatus is null)
            errors["status"] = [$"现场评审状态“{Status}”不存在；可选：None（尚未建立记录）、{string.Join("、", Enum.GetValues<SiteVisitStatus>().Select(s => $"{s}（{s.Display()}）"))}。"];
        ListFacets.Check(errors, Category, Region, Industry, Group, Q);
        return errors;
    }

    public SiteVisitStatus? ParsedStatus =>
        Enum.TryParse<SiteVisitStatus>(Status, out var s) && Enum.IsDefined(s) && !int.TryParse(Status, out _) ? s : null;

    public AwardCategory? ParsedCategory => ListFacets.ParseCategory(Category);

    public Dictionary<string, string?> RouteValues() => new()
    {
        ["status"] = Status, ["category"] = Category, ["region"] = Region, ["industry"] = Industry, ["group"] = Group, ["q"] = Q,
    };

    public bool Any => RouteValues().Values.Any(v => !string.IsNullOrEmpty(v));
}

/// <summary>One shortlisted application of the 现场评审 list, projected in the database (member-initialised so it can be sorted and paged there).</summary>
public sealed class OnSiteListRow
{
    public Guid ApplicationId { get; init; }
    public string? Number { get; init; }
    public string Organization { get; init; } = "";
    public AwardCategory? Category { get; init; }
    /// <summary>Null while no visit is created for the application.</summary>
    public SiteVisitStatus? Status { get; init; }
    public DateOnly? StartDate { get; init; }
    public decimal? DocumentScore { get; init; }
    public decimal? OnSiteScore { get; init; }
}

/// <summary>A row of the page shown, with what only the page's rows need: the on-site team and the visit itself (issues, dates).</summary>
public sealed record OnSiteListItem(OnSiteListRow Row, int TeamSize, string? Leader, SiteVisit? Visit);

/// <summary>
/// 现场评审 as a server-side list (docs/decisions/0055): who belongs in it (the finalised shortlists' selected entries, kept
/// in a JSON column) is a list of ids bounded by the cycle's shortlist; the rows — with their visit's status, start date and
/// scores — are filtered, sorted and paged in the database. The team, the leader's name and the visit's issues are read
/// for the page's rows only. The page and <c>GET /api/onsite/cycles/{id}/visits</c> share it.
/// </summary>
public static class OnSiteList
{
    // Declared before Sorts: static fields initialise in order of declaration. The visit's stages in their order (not the
    // alphabetical order of the stored names), no visit first.
    private static readonly Expression<Func<OnSiteListRow, int>> Stage = r =>
        r.Status == null ? 0 : r.Status == SiteVisitStatus.Planning ? 1 : r.Status == SiteVisitStatus.InProgress ? 2
        : r.Status == SiteVisitStatus.LeaderApproved ? 3 : r.Status == SiteVisitStatus.OfficeApproved ? 4 : 5;

    public static readonly SortMap<OnSiteListRow> Sorts = new SortMap<OnSiteListRow>("number", false, r => r.ApplicationId)
        .AddOrder("number", (q, desc) => desc ? q.OrderByDescending(r => r.Category).ThenByDescending(r => r.Number)
            : q.OrderBy(r => r.Category).ThenBy(r => r.Number))
        .Add("organization", r => r.Organization)
        .Add("status", Stage)
        // Without dates (or without a score) last when the first click orders by them; both providers order NULLs differently.
        .Add("start", r => r.StartDate ?? new DateOnly(9999, 12, 31))
        .Add("document", r => r.DocumentScore ?? -1m, descendingFirst: true)
        .Add("onsite", r => r.OnSiteScore ?? -1m, descendingFirst: true);

    /// <summary>
    /// The cycle's shortlisted applications (<paramref name="selected"/>, from <see cref="ShortlistQueries.SelectedAsync"/>)
    /// matching <paramref name="filter"/> (which must be valid), with their visits.
    /// </summary>
    public static IQueryable<OnSiteListRow> Query(AppDbContext db, Guid cycleId, IReadOnlyList<Guid> selected, OnSiteFilter filter)
    {
        // Restricted on the applications before the left join (see decision 0049 on SQLite and a restricted projection).
        var apps = db.Set<Application>().Where(a => a.CycleId == cycleId && selected.Contains(a.Id));
        if (filter.ParsedCategory is { } category) apps = apps.Where(a => a.Category == category);
        var orgs = ListFacets.Organizations(db, filter.Region, filter.Industry, filter.Group);
        var rows = from a in apps
                   join o in orgs on a.OrganizationId equals o.Id
                   join v in db.Set<SiteVisit>() on a.Id equals v.ApplicationId into visits
                   from v in visits.DefaultIfEmpty()
                   select new OnSiteListRow
                   {
                       ApplicationId = a.Id, Number = a.Number, Organization = o.Name, Category = a.Category,
                       Status = v == null ? null : v.Status, StartDate = v == null ? null : v.StartDate,
                       DocumentScore = v == null ? null : v.DocumentScore, OnSiteScore = v == null ? null : v.OnSiteScore,
                   };
        if (filter.Status == OnSiteFilter.NotPrepared) rows = rows.Where(r => r.Status == null);
        else if (filter.ParsedStatus is { } status) rows = rows.Where(r => r.Status == status);
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            var upper = q.ToUpperInvariant();
            rows = rows.Where(r => (r.Number != null && r.Number.StartsWith(upper)) || r.Organization.Contains(q));
        }
        return rows.AsNoTracking();
    }

    /// <summary>One page of the list; the teams, leaders and visits are read for the page's applications only.</summary>
    public static async Task<Paged<OnSiteListItem>> PageAsync(AppDbContext db, Guid cycleId, OnSiteFilter filter, ListQuery list, CancellationToken ct) =>
        await PageAsync(db, cycleId, await ShortlistQueries.SelectedAsync(db, cycleId, ct), filter, list, ct);

    /// <summary>One page of the list, for a caller that has already read the cycle's shortlisted applications.</summary>
    public static async Task<Paged<OnSiteListItem>> PageAsync(AppDbContext db, Guid cycleId, IReadOnlyList<Guid> selected, OnSiteFilter filter,
        ListQuery list, CancellationToken ct)
    {
        var page = await Sorts.Apply(Query(db, cycleId, selected, filter), list).PageAsync(list, ct);
        var ids = page.Items.Select(r => r.ApplicationId).ToList();
        var groups = await db.Set<ExpertGroup>().AsNoTracking()
            .Where(g => g.CycleId == cycleId && g.Stage == ReviewStage.OnSite && ids.Contains(g.ApplicationId)).ToListAsync(ct);
        var leaderIds = groups.Select(g => g.Leader?.ReviewerId).OfType<Guid>().Distinct().ToList();
        var names = await db.Set<Reviewers.ReviewerProfile>().AsNoTracking().Where(p => leaderIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var visits = await db.Set<SiteVisit>().AsNoTracking().Where(v => ids.Contains(v.ApplicationId)).ToDictionaryAsync(v => v.ApplicationId, ct);
        return page.Map(r =>
        {
            var g = groups.FirstOrDefault(x => x.ApplicationId == r.ApplicationId);
            var leader = g?.Leader is { } l ? names.GetValueOrDefault(l.ReviewerId) : null;
            return new OnSiteListItem(r, g?.ActiveMembers.Count() ?? 0, leader, visits.GetValueOrDefault(r.ApplicationId));
        });
    }
}
