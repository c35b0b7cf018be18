using System.Security.Claims;
using Biaogan.Web.Features.Accounts;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// Who sees the ranking: the office and administrators with names; 评审委员会委员 with names hidden per category until the
/// office reveals them (第十七条 评议). Everyone else is refused.
/// </summary>
public static class RankingAccess
{
    /// <summary>The stored ranking as this person may see it (names hidden for committee members where not yet revealed).</summary>
    public static async Task<StoredRanking?> StoredForAsync(RankingStore store, IRankingNames names, ClaimsPrincipal user, Guid cycleId,
        CancellationToken ct)
    {
        var stored = await store.ReadAsync(cycleId, ct);
        return stored is null || user.IsOffice() ? stored : stored with { Board = await names.ForCommitteeAsync(stored.Board, ct) };
    }

    /// <summary>The board as this person may see it (names hidden for committee members where not yet revealed).</summary>
    public static async Task<RankingBoard?> BoardForAsync(RankingStore store, IRankingNames names, ClaimsPrincipal user, Guid cycleId,
        CancellationToken ct) => (await StoredForAsync(store, names, user, cycleId, ct))?.Board;
}
