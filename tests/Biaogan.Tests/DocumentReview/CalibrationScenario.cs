using Biaogan.Web.Features.DocumentReview.Calibration;

namespace Biaogan.Tests.DocumentReview;

/// <summary>
/// Synthetic review rounds with planted truth: application quality q_a uniform in [55, 90], reviewer severities b_r
/// uniform in [−max, +max] and centred to sum to zero (the model's identifiability convention), each application scored
/// by k distinct reviewers chosen least-loaded-first in random order, score = q_a + b_r + N(0, σ²). Fixed seeds.
/// </summary>
internal sealed class CalibrationScenario
{
    public required Guid[] Applications { get; init; }
    public required Guid[] Reviewers { get; init; }
    public required double[] Quality { get; init; }
    public required double[] Severity { get; init; }
    public required List<ReviewerScore> Scores { get; init; }

    /// <summary>Deterministic ids that sort in index order; <paramref name="kind"/> keeps groups apart.</summary>
    public static Guid Id(int kind, int index) => new(index, (short)kind, 0, new byte[8]);

    public static CalibrationScenario Generate(int seed, int applications = 60, int reviewers = 20, int perApplication = 5,
        double maxSeverity = 8, double noise = 2, int kind = 0)
    {
        var random = new Random(seed);
        var quality = Enumerable.Range(0, applications).Select(_ => 55 + 35 * random.NextDouble()).ToArray();
        var severity = Enumerable.Range(0, reviewers).Select(_ => maxSeverity * (2 * random.NextDouble() - 1)).ToArray();
        var centre = severity.Average();
        for (var r = 0; r < reviewers; r++) severity[r] -= centre;

        var appIds = Enumerable.Range(0, applications).Select(a => Id(2 * kind + 1, a)).ToArray();
        var reviewerIds = Enumerable.Range(0, reviewers).Select(r => Id(2 * kind + 2, r)).ToArray();
        var load = new int[reviewers];
        var scores = new List<ReviewerScore>();
        for (var a = 0; a < applications; a++)
        {
            var order = Enumerable.Range(0, reviewers).ToArray();
            random.Shuffle(order);
            foreach (var r in order.OrderBy(r => load[r]).Take(perApplication))
            {
                load[r]++;
                scores.Add(new ReviewerScore(reviewerIds[r], appIds[a], quality[a] + severity[r] + noise * Gaussian(random)));
            }
        }
        return new CalibrationScenario
        {
            Applications = appIds, Reviewers = reviewerIds, Quality = quality, Severity = severity, Scores = scores,
        };
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Spearman's ρ: Pearson correlation of the ranks (ties get their average rank).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y) => Pearson(Ranks(x), Ranks(y));

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]]) j++;
            for (var k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        return ranks;
    }
}
