using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// A reviewer's own 关系申报 (organisations they are linked to, which the conflict scan then avoids): declare and
/// withdraw. Each saves (docs/decisions/0028).
/// </summary>
public sealed class ReviewerRelations(AppDbContext db, TimeProvider clock)
{
    public async Task<ReviewerRelation> DeclareAsync(Guid reviewerId, RelationKind? kind, string organizationName, string? uscc,
        string description, int? fromYear, int? toYear, CancellationToken ct)
    {
        var relation = new ReviewerRelation(reviewerId, kind ?? (RelationKind)(-1), organizationName, uscc, description, fromYear, toYear,
            clock.Today().Year, clock.GetUtcNow());
        db.Add(relation);
        await db.SaveChangesAsync(ct);
        return relation;
    }

    /// <summary>Withdraws one of the reviewer's own rows; another reviewer's id is simply not found.</summary>
    public async Task WithdrawAsync(Guid reviewerId, Guid relationId, CancellationToken ct)
    {
        var relation = await db.Set<ReviewerRelation>().FirstOrDefaultAsync(r => r.Id == relationId && r.ReviewerId == reviewerId, ct)
            ?? throw new DomainRuleException("该申报不存在或已撤回，请刷新页面。");
        relation.MarkWithdrawn();
        db.Remove(relation);
        await db.SaveChangesAsync(ct);
    }
}
