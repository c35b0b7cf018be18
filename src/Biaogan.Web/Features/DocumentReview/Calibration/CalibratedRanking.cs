namespace Biaogan.Web.Features.DocumentReview.Calibration;

/// <summary>One place in a category's ranking. Equal <see cref="Rank"/> means a tie on every ranking key.</summary>
/// <param name="RawRank">The place the application would have by raw mean alone, to show what calibration moved.</param>
public sealed record RankedApplication(int Rank, int RawRank, ApplicationCalibration Score);

public sealed record CategoryRanking<TCategory>(TCategory Category, IReadOnlyList<RankedApplication> Entries);

/// <summary>
/// 排名 per award category (企业类 / 服务类): by calibrated score, ties broken by raw mean, then by number of reviewers
/// (more opinions first). Scores are compared as displayed, rounded to <c>decimals</c> places, so two applications
/// that look equal on the page are never ordered by an invisible difference; applications equal on all three keys
/// share a rank (1, 2, 2, 4) and are listed by id.
/// </summary>
public static class CalibratedRanking
{
    public const int DefaultDecimals = 2;

    public static IReadOnlyList<CategoryRanking<TCategory>> ByCategory<TCategory>(
        IEnumerable<ApplicationCalibration> applications, IReadOnlyDictionary<Guid, TCategory> categoryOf,
        int decimals = DefaultDecimals) where TCategory : notnull
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(categoryOf);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);

        var groups = new Dictionary<TCategory, List<ApplicationCalibration>>();
        foreach (var a in applications)
        {
            if (!categoryOf.TryGetValue(a.Application, out var category))
                throw new ArgumentException($"申报 {a.Application} 未指定类别，无法分类排名。", nameof(categoryOf));
            if (!groups.TryGetValue(category, out var list)) groups.Add(category, list = []);
            list.Add(a);
        }

        return groups.OrderBy(g => g.Key, Comparer<TCategory>.Default)
            .Select(g => new CategoryRanking<TCategory>(g.Key, Rank(g.Value, decimals)))
            .ToList();
    }

    private static List<RankedApplication> Rank(List<ApplicationCalibration> apps, int decimals)
    {
        double Round(double x) => Math.Round(x, decimals, MidpointRounding.AwayFromZero);
        var keyed = apps.Select(a => (App: a, Calibrated: Round(a.CalibratedScore), Raw: Round(a.RawMean))).ToList();

        var byRaw = keyed.OrderByDescending(k => k.Raw).ThenByDescending(k => k.App.ReviewerCount).ToList();
        var rawRank = new Dictionary<Guid, int>();
        for (var i = 0; i < byRaw.Count; i++)
        {
            var tied = i > 0 && byRaw[i].Raw == byRaw[i - 1].Raw && byRaw[i].App.ReviewerCount == byRaw[i - 1].App.ReviewerCount;
            rawRank[byRaw[i].App.Application] = tied ? rawRank[byRaw[i - 1].App.Application] : i + 1;
        }

        var ordered = keyed.OrderByDescending(k => k.Calibrated).ThenByDescending(k => k.Raw)
            .ThenByDescending(k => k.App.ReviewerCount).ThenBy(k => k.App.Application).ToList();
        var result = new List<RankedApplication>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var k = ordered[i];
            var tied = i > 0 && k.Calibrated == ordered[i - 1].Calibrated && k.Raw == ordered[i - 1].Raw
                && k.App.ReviewerCount == ordered[i - 1].App.ReviewerCount;
            result.Add(new RankedApplication(tied ? result[i - 1].Rank : i + 1, rawRank[k.App.Application], k.App));
        }
        return result;
    }
}
