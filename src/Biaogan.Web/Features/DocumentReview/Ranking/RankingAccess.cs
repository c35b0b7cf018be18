using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// Who sees the ranking: the office and administrators with names; 评审委员会委员 with names hidden per category until the
/// office reveals them (第十七条 评议). Everyone else is refused.
/// </summary>
public static class RankingAccess
{
    /// <summary>The board as this person may see it (names hidden for committee members where not yet revealed).</summary>
    public static async Task<RankingBoard?> BoardForAsync(AppDbContext db, IRankingNames names, ClaimsPrincipal user, Guid cycleId,
        CancellationToken ct)
    {
        var board = await RankingQueries.LoadAsync(db, cycleId, ct);
        if (board is null || user.IsOffice()) return board;
        return await names.ForCommitteeAsync(board, ct);
    }
}
