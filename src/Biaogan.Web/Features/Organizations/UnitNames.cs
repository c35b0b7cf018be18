using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Organizations;

/// <summary>Organizations' side of the <see cref="IUnitNames"/> hook of Accounts.</summary>
public sealed class UnitNames(AppDbContext db) : IUnitNames
{
    public async Task<string?> NameOfAsync(AppUser user, CancellationToken ct = default)
    {
        if (user.OrganizationId is { } o)
            return await db.Set<Organization>().Where(x => x.Id == o).Select(x => x.Name).FirstOrDefaultAsync(ct);
        if (user.RecommendingBodyId is { } b)
            return await db.Set<RecommendingBody>().Where(x => x.Id == b).Select(x => x.Name).FirstOrDefaultAsync(ct);
        return null;
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken ct = default)
    {
        var names = await db.Set<Organization>().Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var bodies = await db.Set<RecommendingBody>().Where(b => unitIds.Contains(b.Id)).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        foreach (var b in bodies) names[b.Id] = b.Name;
        return names;
    }
}
