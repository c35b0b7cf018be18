namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>
/// A hook: the ranking is computed from the sheets, so Ranking sits after Scoring and Scoring cannot call it. Scoring
/// announces here that a cycle's scores changed (a sheet submitted or reopened, a consensus agreed or reopened), after
/// the change is saved; Ranking implements it by scheduling one recompute for a burst of changes
/// (<c>Ranking.RankingRecomputeWork</c>).
/// </summary>
public interface IScoreChanges
{
    /// <param name="cause">Why, in Chinese (“一致性评审确认”); shown with the version it leads to.</param>
    Task ScoresChangedAsync(Guid cycleId, string cause, CancellationToken ct);
}
