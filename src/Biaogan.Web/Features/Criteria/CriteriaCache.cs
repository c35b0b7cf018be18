using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Biaogan.Web.Features.Criteria;

/// <summary>
/// Criteria trees by version, parsed once per node instead of on every score-sheet request (issue 13). The cache key
/// is the version's id and its row version, read with one small query each time: a revised draft has a new row
/// version, so every node of a cluster sees the change on its next request without any message between nodes.
/// Callers must treat the returned document as read-only: it is shared between requests.
/// </summary>
public sealed class CriteriaCache(AppDbContext db, IMemoryCache cache)
{
    public async Task<CriteriaDocument> DocumentAsync(Guid versionId, CancellationToken ct = default)
    {
        var rowVersion = await db.Set<CriteriaVersion>().Where(v => v.Id == versionId).Select(v => (int?)v.Version).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"评价准则版本 {versionId} 不存在。");
        return (await cache.GetOrCreateAsync((typeof(CriteriaCache), versionId, rowVersion), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(6);
            return (await db.Set<CriteriaVersion>().AsNoTracking().FirstAsync(v => v.Id == versionId, ct)).Document;
        }))!;
    }
}
