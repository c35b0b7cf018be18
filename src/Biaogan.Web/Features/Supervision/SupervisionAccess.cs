using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Supervision;

/// <summary>
/// Who sees what of supervision: the office and the leading group every case and incident; a winner's users only those of
/// their own organisation (without the votes, notes or internal reasons); nobody else anything — the public sees only the
/// registry's 已撤销 and its public reason.
/// </summary>
public static class SupervisionAccess
{
    public static bool IsStaff(ClaimsPrincipal user) => user.IsOffice() || user.IsLeadingGroup();

    public static IQueryable<SupervisionCase> Cases(AppDbContext db, ClaimsPrincipal user)
    {
        var cases = db.Set<SupervisionCase>().AsNoTracking();
        if (IsStaff(user)) return cases;
        var org = user.IsInRole(Roles.Applicant) ? user.OrganizationId() : null;
        return org is { } o ? cases.Where(c => c.OrganizationId == o) : cases.Where(c => false);
    }

    public static IQueryable<Incident> Incidents(AppDbContext db, ClaimsPrincipal user)
    {
        var incidents = db.Set<Incident>().AsNoTracking();
        if (IsStaff(user)) return incidents;
        var org = user.IsInRole(Roles.Applicant) ? user.OrganizationId() : null;
        return org is { } o ? incidents.Where(i => i.OrganizationId == o) : incidents.Where(i => false);
    }
}
