using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>
/// The filters of a cycle's feedback-report list (page, API, export, and the bulk release's preview): 报告状态
/// (None = 未生成, Draft, Approved, Released), 类别, 地区, 行业, 所属集团 and a text matching 申报编号 by prefix or the
/// organisation's name anywhere. A value that names nothing is refused.
/// </summary>
public sealed class FeedbackFilter
{
    public const string NotGenerated = "None";

    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
    [FromQuery(Name = "group")] public string? Group { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(Status) && Status != NotGenerated && ParsedStatus is null)
            errors["status"] = [$"报告状态“{Status}”不存在；可选：None（未生成）、{string.Join("、", Enum.GetValues<FeedbackStatus>().Select(s => $"{s}（{FeedbackReport.StatusDisplay(s)}）"))}。"];
        ListFacets.Check(errors, Category, Region, Industry, Group, Q);
        return errors;
    }

    public FeedbackStatus? ParsedStatus =>
        Enum.TryParse<FeedbackStatus>(Status, out var s) && Enum.IsDefined(s) && !int.TryParse(Status, out _) ? s : null;

    public AwardCategory? ParsedCategory => ListFacets.ParseCategory(Category);

    public Dictionary<string, string?> RouteValues() => new()
    {
        ["status"] = Status, ["category"] = Category, ["region"] = Region, ["industry"] = Industry, ["group"] = Group, ["q"] = Q,
    };

    public string Describe()
    {
        var parts = new List<string>();
        if (Status == NotGenerated) parts.Add("报告状态：未生成");
        if (ParsedStatus is { } s) parts.Add($"报告状态：{FeedbackReport.StatusDisplay(s)}");
        ListFacets.Describe(parts, ParsedCategory, Region, Industry, Group);
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add($"搜索：{Q.Trim()}");
        return parts.Count == 0 ? "全部未入围申报" : string.Join("；", parts);
    }
}

/// <summary>One row of the feedback-report list, projected in the database (member-initialised so it can be sorted and paged there).</summary>
public sealed class FeedbackListRow
{
    public Guid ApplicationId { get; init; }
    public string? Number { get; init; }
    public string Organization { get; init; } = "";
    public AwardCategory? Category { get; init; }
    public string ProvinceCode { get; init; } = "";
    public string IndustrySection { get; init; } = "";
    public string? GroupName { get; init; }
    public FeedbackStatus? Status { get; init; }
    public DateTimeOffset? ReleasedAt { get; init; }
    public int? Version { get; init; }
}

/// <summary>
/// The cycle's feedback-report list as a server-side list. Who belongs in it (the finalised shortlists' not-selected
/// entries, kept in a JSON column, plus any application that already has a report) is a list of ids bounded by the
/// cycle's applications; the rows — with the report's status — are filtered, sorted and paged in the database.
/// </summary>
public static class FeedbackListQuery
{
    public static readonly SortMap<FeedbackListRow> Sorts = new SortMap<FeedbackListRow>("number", false, r => r.ApplicationId)
        .AddOrder("number", (q, desc) => desc ? q.OrderByDescending(r => r.Category).ThenByDescending(r => r.Number)
            : q.OrderBy(r => r.Category).ThenBy(r => r.Number))
        .Add("organization", r => r.Organization)
        .Add("status", r => r.Status)
        .Add("released", r => r.ReleasedAt, descendingFirst: true);

    public static async Task<IQueryable<FeedbackListRow>> QueryAsync(AppDbContext db, Guid cycleId, FeedbackFilter filter, CancellationToken ct)
    {
        var notSelected = await Shortlist.ShortlistQueries.NotSelectedAsync(db, cycleId, ct);
        var reported = db.Set<FeedbackReport>().Where(r => r.CycleId == cycleId).Select(r => r.ApplicationId);
        var apps = db.Set<Application>().Where(a => a.CycleId == cycleId && (notSelected.Contains(a.Id) || reported.Contains(a.Id)));
        if (filter.ParsedCategory is { } category) apps = apps.Where(a => a.Category == category);
        var orgs = ListFacets.Organizations(db, filter.Region, filter.Industry, filter.Group);
        var rows = from a in apps
                   join o in orgs on a.OrganizationId equals o.Id
                   join f in db.Set<FeedbackReport>() on a.Id equals f.ApplicationId into reports
                   from f in reports.DefaultIfEmpty()
                   select new FeedbackListRow
                   {
                       ApplicationId = a.Id, Number = a.Number, Organization = o.Name, Category = a.Category, ProvinceCode = o.ProvinceCode,
                       IndustrySection = o.IndustrySection, GroupName = o.GroupName, Status = f == null ? null : f.Status,
                       ReleasedAt = f == null ? null : f.ReleasedAt, Version = f == null ? null : f.Version,
                   };
        if (filter.Status == FeedbackFilter.NotGenerated) rows = rows.Where(r => r.Status == null);
        else if (filter.ParsedStatus is { } status) rows = rows.Where(r => r.Status == status);
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            var upper = q.ToUpperInvariant();
            rows = rows.Where(r => (r.Number != null && r.Number.StartsWith(upper)) || r.Organization.Contains(q));
        }
        return rows;
    }
}
