namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// A hook: which names 评审委员会委员 may see on the ranking is decided by the shortlist (第十七条: the office reveals
/// them per category), but the shortlist starts from the ranking. So Ranking asks through this interface and
/// Shortlist implements it (<c>Shortlist.ShortlistWorkflow</c>).
/// </summary>
public interface IRankingNames
{
    /// <summary>The board as a committee member sees it: names replaced by aliases in categories not yet revealed.</summary>
    Task<RankingBoard> ForCommitteeAsync(RankingBoard board, CancellationToken ct);
}
