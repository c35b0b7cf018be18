using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>Creates the awards when the approval committee's decision is final (第二十二条).</summary>
public static class AwardIssuer
{
    /// <summary>
    /// Adds (not saves) one <see cref="Award"/> per approved application, in the given order, numbered after the year's
    /// existing certificates. Applications that already hold an award of the cycle are skipped. Returns the new awards.
    /// </summary>
    public static async Task<IReadOnlyList<Award>> IssueAsync(AppDbContext db, Guid cycleId, IReadOnlyList<Guid> approvedApplicationIds,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct)
            ?? throw new DomainRuleException("找不到该年度活动。");
        var existing = await db.Set<Award>().Where(a => a.Year == cycle.Year).ToListAsync(ct);
        var held = existing.Where(a => a.CycleId == cycleId).Select(a => a.ApplicationId).ToHashSet();
        var apps = await db.Set<Application>().AsNoTracking().Where(a => approvedApplicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var orgIds = apps.Values.Select(a => a.OrganizationId).ToList();
        var orgs = await db.Set<Organization>().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var sequence = existing.Count;
        var issued = new List<Award>();
        foreach (var id in approvedApplicationIds.Where(id => !held.Contains(id)))
        {
            if (!apps.TryGetValue(id, out var app) || app.CycleId != cycleId)
                throw new DomainRuleException("审定名单中有不属于本年度活动的申报，请刷新后重试。");
            var award = new Award(cycleId, cycle.Year, app.Id, app.OrganizationId, orgs.GetValueOrDefault(app.OrganizationId, ""),
                app.Category ?? AwardCategory.Enterprise, app.ServiceName, ++sequence, now);
            db.Add(award);
            issued.Add(award);
        }
        return issued;
    }
}
