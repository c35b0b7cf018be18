using Biaogan.Web.Features.Criteria;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>One submitted individual sheet as a column of the consensus board.</summary>
public sealed record BoardColumn(string ReviewerName, bool IsLeader, ScoreSheet Sheet);

/// <summary>One criteria item across the submitted sheets: each reviewer's percentage, the spread and the median.</summary>
public sealed record BoardRow(CategoryNode Category, ItemNode Item, IReadOnlyList<int?> Percents, int? Spread, int? Median, bool Flagged)
{
    public int? Min => Percents.Where(p => p is not null).Min();
    public int? Max => Percents.Where(p => p is not null).Max();
}

/// <summary>
/// 一致性评审 side-by-side view: every submitted sheet's percentage per item, the spread (highest minus lowest, in
/// percentage points) and the median. Items whose spread exceeds the cycle's ConsensusSpreadThreshold come first
/// (the group discusses them first), then the rest in criteria order.
/// </summary>
public sealed class ConsensusBoard
{
    public IReadOnlyList<BoardColumn> Columns { get; }
    public IReadOnlyList<BoardRow> Rows { get; }
    public int Threshold { get; }

    public ConsensusBoard(CriteriaDocument criteria, IReadOnlyList<BoardColumn> columns, int threshold)
    {
        Columns = columns;
        Threshold = threshold;
        var rows = new List<BoardRow>();
        foreach (var category in criteria.Categories)
        foreach (var item in category.Items)
        {
            var percents = columns.Select(c => c.Sheet.Item(item.Code)?.Percent).ToList();
            var given = percents.Where(p => p is not null).Select(p => p!.Value).ToList();
            int? spread = given.Count > 0 ? given.Max() - given.Min() : null;
            rows.Add(new BoardRow(category, item, percents, spread, Median(given), spread > threshold));
        }
        Rows = [.. rows.Where(r => r.Flagged), .. rows.Where(r => !r.Flagged)];
    }

    public int FlaggedCount => Rows.Count(r => r.Flagged);

    public BoardRow? Row(string itemCode) => Rows.FirstOrDefault(r => r.Item.Code == itemCode);

    /// <summary>The median on the 5 % grid: the middle value, or the mean of the two middle values rounded to the nearest 5 % (halves up).</summary>
    public static int? Median(IReadOnlyCollection<int> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        if (sorted.Count % 2 == 1) return sorted[mid];
        var mean = (sorted[mid - 1] + sorted[mid]) / 2.0;
        return (int)(Math.Floor(mean / ScoreBand.Step + 0.5) * ScoreBand.Step);
    }

    /// <summary>Every distinct 优势 (or 改进机会) the members wrote for an item, with who wrote it, for the 组长 to pick from.</summary>
    public IReadOnlyList<(string ReviewerName, ReviewComment Comment)> CommentsFor(string itemCode, bool strengths) =>
        Columns.SelectMany(c => (c.Sheet.Item(itemCode) is { } i ? (strengths ? i.Strengths : i.Opportunities) : [])
                .Select(x => (c.ReviewerName, x)))
            .DistinctBy(x => x.x.Text).ToList();
}
