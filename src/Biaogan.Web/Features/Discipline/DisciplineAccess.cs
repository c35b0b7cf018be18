using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Discipline;

/// <summary>
/// Who sees what of discipline: the office and the leading group every proposal and decision with its votes and evidence;
/// an organisation only the decided sanctions against itself (no votes, no evidence, no proposals); nobody else anything.
/// Nothing of discipline is public.
/// </summary>
public static class DisciplineAccess
{
    public static bool IsStaff(ClaimsPrincipal user) => user.IsOffice() || user.IsLeadingGroup();

    public static IQueryable<OrganizationSanction> Sanctions(AppDbContext db, ClaimsPrincipal user)
    {
        var all = db.Set<OrganizationSanction>().AsNoTracking();
        if (IsStaff(user)) return all;
        var org = user.IsInRole(Roles.Applicant) ? user.OrganizationId() : null;
        return org is { } o ? all.Where(s => s.OrganizationId == o && s.Status == SanctionStatus.Decided) : all.Where(s => false);
    }
}
