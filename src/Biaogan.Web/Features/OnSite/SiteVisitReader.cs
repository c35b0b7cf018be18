using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.OnSite;

/// <summary>Who is looking at a visit, which decides what they see and may do.</summary>
public enum VisitRole
{
    None,
    /// <summary>The applicant organisation's own users: the schedule, and the report once released.</summary>
    Organisation,
    /// <summary>A declared, conflict-free member of the on-site team.</summary>
    Member,
    /// <summary>The team's 组长.</summary>
    Leader,
    /// <summary>活动办公室 (and administrators).</summary>
    Office,
}

/// <summary>One member of the on-site team (组长 first).</summary>
public sealed record TeamMember(string Name, GroupRole Role, MemberStatus Status, string? UserId);

/// <summary>What the visit's pages, API and report show around the entity.</summary>
public sealed record SiteVisitView(SiteVisit Visit, VisitRole Role, string CycleName, int Year, Guid OrganizationId, string Organization,
    string? Number, string Category, IReadOnlyList<TeamMember> Team, CriteriaDocument Criteria)
{
    public bool IsTeam => Role is VisitRole.Member or VisitRole.Leader;
    public bool IsStaff => IsTeam || Role == VisitRole.Office;
    /// <summary>The office or the 组长 arrange the schedule, raise issues, score and write the report.</summary>
    public bool Leads => Role is VisitRole.Leader or VisitRole.Office;
    public TeamMember? Leader => Team.FirstOrDefault(t => t.Role == GroupRole.Leader && t.Status is MemberStatus.Assigned or MemberStatus.Declared);
    public IEnumerable<TeamMember> ActiveTeam => Team.Where(t => t.Status is MemberStatus.Assigned or MemberStatus.Declared);
    /// <summary>The organisation reads its report once released; the team and the office at any time.</summary>
    public bool MayReadReport => IsStaff || Visit.Status == SiteVisitStatus.Released;
    public string ItemName(string code) => Criteria.FindItem(code)?.Name ?? "";
    public int ItemPoints(string code) => Criteria.FindItem(code)?.Points ?? 0;
}

/// <summary>
/// Loads a visit for a signed-in person and decides what they are: the office, a member or the 组长 of the on-site team
/// (through the reviewer gate <see cref="Assignment.ReviewerGate.ReadableSeatAsync"/>: declared seat, no blocking conflict), or the
/// applicant organisation's own user. Anyone else gets null, which pages and the API turn into 404.
/// </summary>
public sealed class SiteVisitReader(AppDbContext db)
{
    public async Task<SiteVisitView?> ReadableAsync(ClaimsPrincipal user, Guid applicationId, bool tracking, CancellationToken ct)
    {
        var query = db.Set<SiteVisit>().AsQueryable();
        var visit = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(v => v.ApplicationId == applicationId, ct);
        if (visit is null) return null;
        var role = await RoleAsync(user, visit, ct);
        return role == VisitRole.None ? null : await ViewAsync(visit, role, ct);
    }

    public async Task<VisitRole> RoleAsync(ClaimsPrincipal user, SiteVisit visit, CancellationToken ct)
    {
        if (user.IsOffice()) return VisitRole.Office;
        var userId = user.UserId();
        if (userId.Length == 0) return VisitRole.None;
        if (user.IsInRole(Roles.Reviewer)
            && await Assignment.ReviewerGate.ReadableSeatAsync(db, userId, visit.ApplicationId, ReviewStage.OnSite, ct) is { } seat)
            return seat.Role == GroupRole.Leader ? VisitRole.Leader : VisitRole.Member;
        if (!user.IsInRole(Roles.Applicant)) return VisitRole.None;
        var orgId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrganizationId).FirstOrDefaultAsync(ct);
        var appOrg = await db.Set<Application>().AsNoTracking().Where(a => a.Id == visit.ApplicationId).Select(a => a.OrganizationId).FirstAsync(ct);
        return orgId == appOrg ? VisitRole.Organisation : VisitRole.None;
    }

    public async Task<SiteVisitView> ViewAsync(SiteVisit visit, VisitRole role, CancellationToken ct)
    {
        var info = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                          join c in db.Set<Cycle>().AsNoTracking() on a.CycleId equals c.Id
                          where a.Id == visit.ApplicationId
                          select new { a.Number, a.Category, a.ServiceName, o.Name, OrgId = o.Id, CycleName = c.Name, c.Year }).FirstAsync(ct);
        var category = info.Category is { } k ? Cycle.CategoryDisplay(k) + (info.ServiceName is { Length: > 0 } s ? $"（{s}）" : "") : "—";
        var criteria = await db.Set<CriteriaVersion>().AsNoTracking().Where(v => v.Id == visit.CriteriaVersionId).Select(v => v.Document).FirstAsync(ct);
        return new SiteVisitView(visit, role, info.CycleName, info.Year, info.OrgId, info.Name, info.Number, category,
            await TeamAsync(visit.ApplicationId, ct), criteria);
    }

    /// <summary>The on-site team of an application, 组长 first, ended seats last.</summary>
    public async Task<IReadOnlyList<TeamMember>> TeamAsync(Guid applicationId, CancellationToken ct)
    {
        var rows = await (from m in db.Set<GroupMember>().AsNoTracking()
                          join g in db.Set<ExpertGroup>().AsNoTracking() on m.GroupId equals g.Id
                          join p in db.Set<ReviewerProfile>().AsNoTracking() on m.ReviewerId equals p.Id
                          where g.ApplicationId == applicationId && g.Stage == ReviewStage.OnSite
                          select new { p.Name, m.Role, m.Status, p.UserId, m.AssignedAt }).ToListAsync(ct);
        return rows.OrderBy(r => r.Status is MemberStatus.Assigned or MemberStatus.Declared ? 0 : 1)
            .ThenBy(r => r.Role == GroupRole.Leader ? 0 : 1).ThenBy(r => r.AssignedAt)
            .Select(r => new TeamMember(r.Name, r.Role, r.Status, r.UserId)).ToList();
    }

    /// <summary>The users of the active on-site team (to notify them).</summary>
    public async Task<List<AppUser>> TeamUsersAsync(Guid applicationId, CancellationToken ct)
    {
        var ids = (await TeamAsync(applicationId, ct)).Where(t => t.Status is MemberStatus.Assigned or MemberStatus.Declared && t.UserId is not null)
            .Select(t => t.UserId!).ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync(ct);
    }
}
