using Biaogan.Web.Features.Cycles;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// A hook: which names 评审委员会委员 may see on the ranking is decided by the shortlist (第十七条: the office reveals
/// them per category), but the shortlist starts from the ranking. So Ranking asks through this interface and
/// Shortlist implements it (<c>Shortlist.ShortlistWorkflow</c>). Who may open the ranking at all is the policy on the page and
/// the API (活动办公室、评审委员会); committee members see aliases until the office reveals a category.
/// </summary>
public interface IRankingNames
{
    /// <summary>
    /// Which of the <paramref name="shown"/> categories are hidden from the committee and the alias of a row, so a list
    /// can replace the names of only the rows it shows.
    /// </summary>
    Task<RankingNames> NamesAsync(Guid cycleId, IEnumerable<AwardCategory> shown, CancellationToken ct);
}

/// <summary>What a committee member may see of the names: <see cref="Hidden"/> categories show <see cref="Alias"/> instead.</summary>
public sealed record RankingNames(IReadOnlySet<AwardCategory> Hidden, Func<RankingRow, string> Alias)
{
    /// <summary>The office's view: every name shown.</summary>
    public static readonly RankingNames AllShown = new(new HashSet<AwardCategory>(), _ => "");

    public bool IsHidden(AwardCategory category) => Hidden.Contains(category);

    /// <summary>The row as the viewer sees it.</summary>
    public RankingRow Show(RankingRow r) => Hidden.Contains(r.Category) ? r with { Name = Alias(r), Number = null, NameShown = false } : r;
}
