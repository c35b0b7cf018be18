using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;

namespace Biaogan.Web.Features.Qualification;

/// <summary>One application in the office's 资格审查 queue, projected in the database (member-initialised so it can be sorted and paged there).</summary>
public sealed class QueueRow
{
    public Guid Id { get; init; }
    public string? Number { get; init; }
    public int Year { get; init; }
    public Guid OrganizationId { get; init; }
    public string OrganizationName { get; init; } = "";
    public string Uscc { get; init; } = "";
    public AwardCategory? Category { get; init; }
    public string? ServiceName { get; init; }
    public string? RecommendingBodyName { get; init; }
    public ApplicationStatus Status { get; init; }
    public DateTimeOffset? RecommendedAt { get; init; }
    public int SupplementRound { get; init; }
    public DateOnly? SupplementDeadline { get; init; }
    public bool SupplementDeadlineConfirmed { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string ProvinceCode { get; init; } = "";
    public string IndustrySection { get; init; } = "";
    public string? GroupName { get; init; }
    public string ContactName { get; init; } = "";
    public string ContactPhone { get; init; } = "";
    public string ContactEmail { get; init; } = "";

    public bool OverdueOn(DateOnly today) => Status == ApplicationStatus.SupplementRequested && SupplementDeadline < today;
}

/// <summary>
/// The office's queue as a server-side list: by default applications waiting for qualification first (oldest
/// recommendation first), then those waiting for supplements (earliest deadline first), then the decided ones (latest
/// first) — ordered, filtered and paged in the database. The page, the API, the export and the reminders share it.
/// </summary>
public static class QualificationQueue
{
    public static readonly ApplicationStatus[] Statuses =
        [ApplicationStatus.AwaitingQualification, ApplicationStatus.SupplementRequested, ApplicationStatus.Qualified, ApplicationStatus.Disqualified];

    // Declared before Sorts: static fields initialise in order of declaration.
    private static readonly System.Linq.Expressions.Expression<Func<QueueRow, int>> Group = r =>
        r.Status == ApplicationStatus.AwaitingQualification ? 0 : r.Status == ApplicationStatus.SupplementRequested ? 1 : 2;

    public static readonly SortMap<QueueRow> Sorts = new SortMap<QueueRow>("queue", false, r => r.Id)
        .AddOrder("queue", (q, desc) => desc
            ? q.OrderByDescending(Group).ThenByDescending(r => r.Status == ApplicationStatus.AwaitingQualification ? r.RecommendedAt : null)
                .ThenByDescending(r => r.Status == ApplicationStatus.SupplementRequested ? r.SupplementDeadline : null).ThenBy(r => r.DecidedAt)
            : q.OrderBy(Group).ThenBy(r => r.Status == ApplicationStatus.AwaitingQualification ? r.RecommendedAt : null)
                .ThenBy(r => r.Status == ApplicationStatus.SupplementRequested ? r.SupplementDeadline : null).ThenByDescending(r => r.DecidedAt))
        .Add("number", r => r.Number)
        .Add("organization", r => r.OrganizationName)
        .Add("status", Group)
        .Add("recommended", r => r.RecommendedAt)
        .Add("deadline", r => r.SupplementDeadline)
        .Add("decided", r => r.DecidedAt, descendingFirst: true);

    /// <param name="only">When given, only these applications (a bulk action's previewed set).</param>
    public static IQueryable<QueueRow> Query(AppDbContext db, QualificationFilter filter, DateOnly today, IReadOnlyCollection<Guid>? only = null)
    {
        var apps = db.Set<Application>().Where(a => Statuses.Contains(a.Status));
        if (only is not null) apps = apps.Where(a => only.Contains(a.Id));
        if (filter.ParsedStatus is { } status) apps = apps.Where(a => a.Status == status);
        if (filter.ParsedCategory is { } category) apps = apps.Where(a => a.Category == category);
        if (filter.CycleId is { } cycleId) apps = apps.Where(a => a.CycleId == cycleId);
        if (filter.Overdue == true) apps = apps.Where(a => a.Status == ApplicationStatus.SupplementRequested && a.SupplementDeadline < today);
        var orgs = ListFacets.Organizations(db, filter.Region, filter.Industry, filter.Group);
        var cycles = db.Set<Cycle>().AsQueryable();
        if (filter.Year is { } year) cycles = cycles.Where(c => c.Year == year);
        var rows = from a in apps
                   join o in orgs on a.OrganizationId equals o.Id
                   join y in cycles on a.CycleId equals y.Id
                   join b in db.Set<RecommendingBody>() on a.RecommendingBodyId equals b.Id into bodies
                   from b in bodies.DefaultIfEmpty()
                   select new QueueRow
                   {
                       Id = a.Id, Number = a.Number, Year = y.Year, OrganizationId = o.Id, OrganizationName = o.Name, Uscc = o.Uscc,
                       Category = a.Category, ServiceName = a.ServiceName, RecommendingBodyName = b == null ? null : b.Name, Status = a.Status,
                       RecommendedAt = a.RecommendedAt, SupplementRound = a.SupplementRound, SupplementDeadline = a.SupplementDeadline,
                       SupplementDeadlineConfirmed = a.SupplementDeadlineConfirmed, DecidedAt = a.QualificationDecidedAt,
                       ProvinceCode = o.ProvinceCode, IndustrySection = o.IndustrySection, GroupName = o.GroupName,
                       ContactName = o.ContactName, ContactPhone = o.ContactPhone, ContactEmail = o.ContactEmail,
                   };
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            var upper = q.ToUpperInvariant();
            rows = rows.Where(r => (r.Number != null && r.Number.StartsWith(upper)) || r.Uscc.StartsWith(upper) || r.OrganizationName.Contains(q));
        }
        return rows;
    }
}
