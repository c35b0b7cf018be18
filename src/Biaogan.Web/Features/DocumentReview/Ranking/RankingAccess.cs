using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// Who sees the ranking: the office and administrators with names; 评审委员会委员 with names hidden per category until the
/// office reveals them (第十七条 评议). Everyone else is refused.
/// </summary>
public static class RankingAccess
{
    public const string PageRoles = Roles.Office + "," + Roles.Admin + "," + Roles.ReviewCommittee;

    public static bool IsOffice(ClaimsPrincipal user) => user.IsInRole(Roles.Office) || user.IsInRole(Roles.Admin);

    public static bool IsCommittee(ClaimsPrincipal user) => user.IsInRole(Roles.ReviewCommittee);

    /// <summary>The board as this person may see it (names hidden for committee members where not yet revealed).</summary>
    public static async Task<RankingBoard?> BoardForAsync(AppDbContext db, ShortlistWorkflow shortlist, ClaimsPrincipal user, Guid cycleId,
        CancellationToken ct)
    {
        var board = await RankingQueries.LoadAsync(db, cycleId, ct);
        if (board is null || IsOffice(user)) return board;
        var hidden = await ShortlistQueries.HiddenCategoriesAsync(db, cycleId, ct);
        if (hidden.Count == 0) return board;
        // Aliases are keyed on the category decision's id, so each shown category needs its decision row.
        var decisions = new Dictionary<Cycles.AwardCategory, Guid>();
        foreach (var c in board.Categories) decisions[c.Category] = (await shortlist.DecisionAsync(cycleId, c.Category, ct)).Id;
        return board.WithNamesHidden(hidden, r => ShortlistQueries.Alias(decisions[r.Category], r.ApplicationId));
    }
}
