using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>One application in the office's 资格审查 queue.</summary>
public sealed record QueueRow(Guid Id, string? Number, int Year, string OrganizationName, AwardCategory? Category, string? ServiceName,
    string? RecommendingBodyName, ApplicationStatus Status, DateTimeOffset? RecommendedAt, int SupplementRound,
    DateOnly? SupplementDeadline, bool SupplementDeadlineConfirmed, DateTimeOffset? DecidedAt, bool Overdue);

/// <summary>
/// The office's queue: applications waiting for qualification first (oldest recommendation first), then
/// those waiting for supplements (earliest deadline first, overdue flagged), then the decided ones.
/// </summary>
public static class QualificationQueue
{
    public static readonly ApplicationStatus[] Statuses =
        [ApplicationStatus.AwaitingQualification, ApplicationStatus.SupplementRequested, ApplicationStatus.Qualified, ApplicationStatus.Disqualified];

    public static async Task<IReadOnlyList<QueueRow>> LoadAsync(AppDbContext db, Guid? cycleId, AwardCategory? category, DateOnly today, CancellationToken ct = default)
    {
        var q = db.Set<Application>().AsNoTracking().Where(a => Statuses.Contains(a.Status));
        if (cycleId is { } c) q = q.Where(a => a.CycleId == c);
        if (category is { } k) q = q.Where(a => a.Category == k);
        var rows = await (
            from a in q
            join o in db.Set<Organization>() on a.OrganizationId equals o.Id
            join y in db.Set<Cycle>() on a.CycleId equals y.Id
            join b in db.Set<RecommendingBody>() on a.RecommendingBodyId equals b.Id into bodies
            from b in bodies.DefaultIfEmpty()
            select new
            {
                a.Id, a.Number, y.Year, OrganizationName = o.Name, a.Category, a.ServiceName, BodyName = b == null ? null : b.Name,
                a.Status, a.RecommendedAt, a.SupplementRound, a.SupplementDeadline, a.SupplementDeadlineConfirmed, a.QualificationDecidedAt,
            }).ToListAsync(ct);
        return rows
            .Select(r => new QueueRow(r.Id, r.Number, r.Year, r.OrganizationName, r.Category, r.ServiceName, r.BodyName, r.Status,
                r.RecommendedAt, r.SupplementRound, r.SupplementDeadline, r.SupplementDeadlineConfirmed, r.QualificationDecidedAt,
                r.Status == ApplicationStatus.SupplementRequested && r.SupplementDeadline < today))
            .OrderBy(r => Group(r.Status))
            .ThenBy(r => r.Status == ApplicationStatus.AwaitingQualification ? r.RecommendedAt?.UtcTicks ?? 0 : 0)
            .ThenBy(r => r.Status == ApplicationStatus.SupplementRequested ? r.SupplementDeadline?.DayNumber ?? 0 : 0)
            .ThenByDescending(r => r.DecidedAt?.UtcTicks ?? 0)
            .ToList();
    }

    private static int Group(ApplicationStatus s) => s switch
    {
        ApplicationStatus.AwaitingQualification => 0,
        ApplicationStatus.SupplementRequested => 1,
        _ => 2,
    };
}
