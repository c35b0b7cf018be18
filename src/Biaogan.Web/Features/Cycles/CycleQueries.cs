using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Cycles;

/// <summary>Look-ups other features use to find the 年度活动 they work in.</summary>
public static class CycleQueries
{
    /// <summary>The cycle currently accepting applications (at most one is open), tracked, or null.</summary>
    public static Task<Cycle?> CurrentOpenAsync(AppDbContext db, CancellationToken ct = default) =>
        db.Set<Cycle>().FirstOrDefaultAsync(c => c.Status == CycleStatus.Open, ct);

    /// <summary>Whether a cycle other than <paramref name="exceptId"/> is open.</summary>
    public static Task<bool> AnotherOpenAsync(AppDbContext db, Guid exceptId, CancellationToken ct = default) =>
        db.Set<Cycle>().AnyAsync(c => c.Status == CycleStatus.Open && c.Id != exceptId, ct);
}
