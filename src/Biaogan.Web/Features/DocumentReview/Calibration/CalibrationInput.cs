namespace Biaogan.Web.Features.DocumentReview.Calibration;

/// <summary>
/// One reviewer's total (评审员对一份申报的总分) for one application, in the caller's unit (points or percent).
/// Each reviewer–application pair appears at most once.
/// </summary>
public readonly record struct ReviewerScore(Guid Reviewer, Guid Application, double Value);

/// <summary>
/// One reviewer's percentage (得分率, 0–100) on one scored item (评分条目) of one application. The item's weight is
/// its point value in the pinned evaluation standard, passed separately to <see cref="CalibrationModel.FitItems{TItem}"/>.
/// </summary>
public readonly record struct ItemScore<TItem>(Guid Reviewer, Guid Application, TItem Item, double Percent)
    where TItem : notnull;

/// <summary>
/// A score sheet reduced to one observation of the model. <see cref="Weight"/> is the share of the standard's points the
/// sheet covers (1 for a complete sheet and for every total), so an incomplete sheet counts for less.
/// </summary>
internal readonly record struct SheetObservation(Guid Reviewer, Guid Application, double Value, double Weight);

/// <summary>Validates the input and turns totals or item sheets into one observation per reviewer–application pair.</summary>
internal static class ScoreSheets
{
    public static List<SheetObservation> FromTotals(IEnumerable<ReviewerScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var seen = new HashSet<(Guid, Guid)>();
        var result = new List<SheetObservation>();
        foreach (var s in scores)
        {
            if (!double.IsFinite(s.Value))
                throw new ArgumentException($"评审员 {s.Reviewer} 对申报 {s.Application} 的总分不是有效数值，请检查评分表。", nameof(scores));
            if (!seen.Add((s.Reviewer, s.Application)))
                throw new ArgumentException($"评审员 {s.Reviewer} 对申报 {s.Application} 有多个总分，每名评审员对每份申报只能计一个总分。", nameof(scores));
            result.Add(new SheetObservation(s.Reviewer, s.Application, s.Value, 1.0));
        }
        return result;
    }

    /// <summary>
    /// Per-item model ≡ totals model: fitting pct(r,a,i) = μ + θ_a + b_r + ε with weights p_i (item points) gives the
    /// same normal equations as fitting the sheet's weighted mean percentage with weight Σ p_i. The sheet is reported in
    /// points of the standard (weighted mean percentage × total points / 100), which for a complete sheet is exactly
    /// Σ p_i·pct_i/100, and weighted by the share of points it covers.
    /// </summary>
    public static List<SheetObservation> FromItems<TItem>(IEnumerable<ItemScore<TItem>> scores,
        IReadOnlyDictionary<TItem, double> itemPoints) where TItem : notnull
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(itemPoints);
        var index = new Dictionary<TItem, int>(itemPoints.Count);
        var points = new double[itemPoints.Count];
        var total = 0.0;
        foreach (var (item, p) in itemPoints)
        {
            if (!double.IsFinite(p) || p <= 0)
                throw new ArgumentException($"评分条目 {item} 的分值必须为正数。", nameof(itemPoints));
            points[index.Count] = p;
            index.Add(item, index.Count);
            total += p;
        }

        // Percentages are kept per sheet in item order and summed in that order, so the result does not depend on
        // the order in which the item scores arrive.
        var sheets = new Dictionary<(Guid Reviewer, Guid Application), double[]>();
        foreach (var s in scores)
        {
            if (!index.TryGetValue(s.Item, out var i))
                throw new ArgumentException($"评分条目 {s.Item} 不在所用评价准则中，请检查评分表。", nameof(scores));
            if (!double.IsFinite(s.Percent) || s.Percent < 0 || s.Percent > 100)
                throw new ArgumentException($"评审员 {s.Reviewer} 对申报 {s.Application} 条目 {s.Item} 的得分率须在 0 至 100 之间。", nameof(scores));
            if (!sheets.TryGetValue((s.Reviewer, s.Application), out var sheet))
            {
                sheet = new double[points.Length];
                Array.Fill(sheet, double.NaN);
                sheets.Add((s.Reviewer, s.Application), sheet);
            }
            if (!double.IsNaN(sheet[i]))
                throw new ArgumentException($"评审员 {s.Reviewer} 对申报 {s.Application} 条目 {s.Item} 有多个得分。", nameof(scores));
            sheet[i] = s.Percent;
        }

        var result = new List<SheetObservation>(sheets.Count);
        foreach (var ((reviewer, application), sheet) in sheets)
        {
            double weighted = 0, covered = 0;
            for (var i = 0; i < sheet.Length; i++)
            {
                if (double.IsNaN(sheet[i])) continue;
                weighted += points[i] * sheet[i];
                covered += points[i];
            }
            result.Add(new SheetObservation(reviewer, application, weighted / covered * total / 100.0, covered / total));
        }
        return result;
    }
}
