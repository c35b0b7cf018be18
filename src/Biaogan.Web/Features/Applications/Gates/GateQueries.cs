using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications.Gates;

/// <summary>What every gate asks first: the applications of a category that are still before or in 资格审查, and names.</summary>
public static class GateQueries
{
    /// <summary>Submitted applications of the category not yet through 资格审查 (待推荐, 待资格审查, 补正中).</summary>
    public static async Task<List<UnfinishedApplication>> BeforeQualificationAsync(AppDbContext db, Guid cycleId, AwardCategory? category,
        CancellationToken ct)
    {
        var waiting = new[] { ApplicationStatus.Submitted, ApplicationStatus.AwaitingQualification, ApplicationStatus.SupplementRequested };
        var ids = await db.Set<Application>().AsNoTracking()
            .Where(a => a.CycleId == cycleId && (category == null || a.Category == category) && waiting.Contains(a.Status))
            .Select(a => new { a.Id, a.Status }).ToListAsync(ct);
        var names = await NamesAsync(db, ids.Select(i => i.Id).ToList(), ct);
        return ids.Select(i => new UnfinishedApplication(i.Id, names[i.Id], i.Status switch
        {
            ApplicationStatus.SupplementRequested => "补正中",
            ApplicationStatus.Submitted => "待推荐",
            _ => "待资格审查",
        })).OrderBy(u => u.Name).ToList();
    }

    /// <summary>Qualified applications of the category of the cycle.</summary>
    public static Task<List<Guid>> QualifiedAsync(AppDbContext db, Guid cycleId, AwardCategory category, CancellationToken ct) =>
        db.Set<Application>().AsNoTracking()
            .Where(a => a.CycleId == cycleId && a.Category == category && a.Status == ApplicationStatus.Qualified)
            .Select(a => a.Id).ToListAsync(ct);

    /// <summary>The organisation's name (with the service for 服务类) of each application.</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                          where ids.Contains(a.Id)
                          select new { a.Id, o.Name, a.ServiceName }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.ServiceName is { Length: > 0 } s ? $"{r.Name}（{s}）" : r.Name);
    }

    /// <summary>The gates passed in the cycle, oldest first (for the work report).</summary>
    public static Task<List<GatePassage>> PassagesAsync(AppDbContext db, Guid cycleId, CancellationToken ct) =>
        db.Set<GatePassage>().AsNoTracking().Where(p => p.CycleId == cycleId).OrderBy(p => p.PassedAt).ToListAsync(ct);

    /// <summary>Reasons posted by a page or the API, keyed by application; blank ones dropped.</summary>
    public static Dictionary<Guid, string> Reasons(IEnumerable<(Guid ApplicationId, string? Reason)>? posted) =>
        (posted ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Reason)).GroupBy(p => p.ApplicationId)
            .ToDictionary(g => g.Key, g => g.Last().Reason!.Trim());
}
