using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Discipline;

/// <summary>Discipline's side of <see cref="IDisciplineRecord"/>: decided sanctions matched by 统一社会信用代码 (or the organisation).</summary>
public sealed class DisciplineRecord(AppDbContext db) : IDisciplineRecord
{
    public async Task<IReadOnlyList<DisciplineNote>> DecidedForAsync(Guid organizationId, CancellationToken ct)
    {
        var uscc = await db.Set<Organization>().Where(o => o.Id == organizationId).Select(o => o.Uscc).FirstOrDefaultAsync(ct) ?? "";
        var rows = await db.Set<OrganizationSanction>().AsNoTracking()
            .Where(s => s.Status == SanctionStatus.Decided && (s.OrganizationId == organizationId || (uscc != "" && s.Uscc == uscc)))
            .ToListAsync(ct);
        return rows.OrderByDescending(s => s.DecidedAt)
            .Select(s => new DisciplineNote(s.Id, s.Year, s.Number, OrganizationSanction.KindDisplay(s.Kind), s.Reason, s.DecidedAt!.Value,
                DisciplineWorkflow.Link(s.Id)))
            .ToList();
    }
}
