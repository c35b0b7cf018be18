using Biaogan.Web.Features.Shared;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>An organisation with any award row (current, expired or revoked: its supervision record stays readable).</summary>
public sealed class AwardedOrganizations(AppDbContext db) : IApplicantMenu
{
    public Task<bool> HasAwardAsync(Guid organizationId, CancellationToken ct = default) =>
        db.Set<Award>().AnyAsync(a => a.OrganizationId == organizationId, ct);
}
