using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>The office records who may lead an expert group (组长资格). Saves (docs/decisions/0028).</summary>
public sealed class LeaderQualifications(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Records the reviewer's 组长资格; false when there is no such reviewer.</summary>
    public async Task<bool> RecordAsync(Guid reviewerId, bool eligible, string? note, CancellationToken ct)
    {
        if (!await db.Set<ReviewerProfile>().AnyAsync(p => p.Id == reviewerId, ct)) return false;
        var q = await db.Set<LeaderQualification>().FirstOrDefaultAsync(x => x.ReviewerId == reviewerId, ct);
        if (q is null) db.Add(q = new LeaderQualification(reviewerId));
        q.Record(eligible, note, actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
