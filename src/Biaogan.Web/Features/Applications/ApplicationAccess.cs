using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// The one place that decides who may see or change an application and its files (docs/architecture.md, convention 9):
/// an applicant only its own organisation's; a recommending body only those that chose it, once
/// submitted; the office and administrators all; reviewers and committees none at this stage.
/// </summary>
public sealed class ApplicationAccess(AppDbContext db)
{
    public sealed record Caller(string UserId, Guid? OrganizationId, Guid? RecommendingBodyId, bool IsOffice, bool IsApplicant, bool IsRecommender);

    public async Task<Caller> CallerAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var id = principal.UserId();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.OrganizationId, u.RecommendingBodyId }).FirstOrDefaultAsync(ct);
        return new Caller(id, user?.OrganizationId, user?.RecommendingBodyId,
            principal.IsOffice(),
            principal.IsInRole(Roles.Applicant), principal.IsInRole(Roles.Recommender));
    }

    public static bool CanView(Caller c, Application a) =>
        c.IsOffice
        || (c.IsApplicant && c.OrganizationId == a.OrganizationId)
        || (c.IsRecommender && c.RecommendingBodyId is not null && c.RecommendingBodyId == a.RecommendingBodyId
            && a.Status != ApplicationStatus.Draft && a.SubmittedAt is not null);

    /// <summary>Only the applicant organisation's own users edit, and only in an editable state.</summary>
    public static bool CanEdit(Caller c, Application a) => c.IsApplicant && c.OrganizationId == a.OrganizationId;

    /// <summary>
    /// The office's review of the application (资格审查 rounds, 补正 requests) is between the office and the
    /// organisation: the recommending body sees the status, not the office's reasons.
    /// </summary>
    public static bool CanSeeReview(Caller c, Application a) => c.IsOffice || CanEdit(c, a);

    public static bool CanRecommend(Caller c, Application a) =>
        c.IsRecommender && c.RecommendingBodyId is not null && c.RecommendingBodyId == a.RecommendingBodyId;

    /// <summary>Applications the caller may list: a query filter applied before any paging or projection.</summary>
    public static IQueryable<Application> Visible(IQueryable<Application> q, Caller c)
    {
        if (c.IsOffice) return q;
        if (c.IsApplicant && c.OrganizationId is { } org) return q.Where(a => a.OrganizationId == org);
        if (c.IsRecommender && c.RecommendingBodyId is { } body)
            return q.Where(a => a.RecommendingBodyId == body && a.SubmittedAt != null && a.Status != ApplicationStatus.Draft);
        return q.Where(_ => false);
    }
}
