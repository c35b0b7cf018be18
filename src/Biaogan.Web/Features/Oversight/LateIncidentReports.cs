using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Oversight;

/// <summary>第二十六条 written reports not filed by their due date (one month after the incident, or the office's deadline).</summary>
public sealed class LateIncidentReports(AppDbContext db) : ILateReports
{
    public async Task<IReadOnlyList<LateReport>> LateAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.ToChina().DateTime);
        var open = await db.Set<Incident>().AsNoTracking().Where(i => i.ReportedAt == null).ToListAsync(ct);
        var late = open.Where(i => i.DueOn < today).ToList();
        var caseIds = late.Select(i => i.CaseId).ToList();
        var names = await db.Set<SupervisionCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.OrganizationName, c.Number), ct);
        return late.Select(i =>
            {
                var (org, number) = names.GetValueOrDefault(i.CaseId, ("", ""));
                return new LateReport("事件书面报告（第二十六条）", org, $"{Incident.CategoryDisplay(i.Category)}，发生于 {ChinaTime.Format(i.OccurredOn)}（案件 {number}）",
                    i.DueOn, i.DaysLate(now), $"/Supervision/Case/{i.CaseId}");
            })
            .OrderByDescending(r => r.DaysLate).ToList();
    }
}
