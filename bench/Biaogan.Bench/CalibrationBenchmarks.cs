using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Biaogan.Web.Features.DocumentReview.Calibration;

namespace Biaogan.Bench;

/// <summary>
/// Issue 3 benchmark: recomputing the calibrated ranking for 2,000 applications × 5 reviewers × 40 items (10,000 sheets,
/// 400,000 item scores, 600 reviewers) against the plain mean of the same item scores. Both start from the item
/// scores as loaded from the database, so the baseline pays the same aggregation into sheet totals. A second pair
/// compares the model alone with the plain mean on the 10,000 sheet totals.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class CalibrationBenchmarks
{
    private const int Applications = 2_000, Reviewers = 600, PerApplication = 5, Items = 40;

    private ItemScore<int>[] itemScores = [];
    private ReviewerScore[] totals = [];
    private Dictionary<int, double> points = [];
    private Dictionary<Guid, int> category = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        // 40 items of 15, 25 or 35 points, 1,000 in all.
        points = Enumerable.Range(0, Items).ToDictionary(i => i, i => i % 3 == 0 ? 15.0 : i % 3 == 1 ? 35.0 : 25.0);
        points[Items - 1] += 1000 - points.Values.Sum();
        var severity = Enumerable.Range(0, Reviewers).Select(_ => 16 * random.NextDouble() - 8).ToArray();
        var reviewerIds = Enumerable.Range(0, Reviewers).Select(_ => Guid.CreateVersion7()).ToArray();
        var load = new int[Reviewers];
        var scores = new List<ItemScore<int>>(Applications * PerApplication * Items);
        for (var a = 0; a < Applications; a++)
        {
            var app = Guid.CreateVersion7();
            category[app] = a % 2;
            var quality = 40 + 50 * random.NextDouble();
            var order = Enumerable.Range(0, Reviewers).ToArray();
            random.Shuffle(order);
            foreach (var r in order.OrderBy(r => load[r]).Take(PerApplication))
            {
                load[r]++;
                for (var i = 0; i < Items; i++)
                {
                    // Scoring bands move in 5 % steps (第十三条 评分档).
                    var percent = Math.Clamp(Math.Round((quality + severity[r] + 10 * (random.NextDouble() - 0.5)) / 5) * 5, 0, 100);
                    scores.Add(new ItemScore<int>(reviewerIds[r], app, i, percent));
                }
            }
        }
        itemScores = [.. scores];
        totals = itemScores.GroupBy(s => (s.Reviewer, s.Application))
            .Select(g => new ReviewerScore(g.Key.Reviewer, g.Key.Application, g.Sum(s => points[s.Item] * s.Percent / 100)))
            .ToArray();
    }

    /// <summary>Baseline: sheet totals Σ points·pct/100, then each application's mean.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("ItemScores")]
    public int PlainMean()
    {
        var sheets = new Dictionary<(Guid, Guid), double>();
        foreach (var s in itemScores)
        {
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(sheets, (s.Reviewer, s.Application), out _);
            total += points[s.Item] * s.Percent / 100;
        }
        var means = new Dictionary<Guid, (double Sum, int Count)>();
        foreach (var ((_, app), total) in sheets)
        {
            ref var m = ref CollectionsMarshal.GetValueRefOrAddDefault(means, app, out _);
            m = (m.Sum + total, m.Count + 1);
        }
        return means.Values.Count(m => m.Sum / m.Count > 600);
    }

    /// <summary>Calibrated model from the item scores, ranked per category: the full recompute.</summary>
    [Benchmark, BenchmarkCategory("ItemScores")]
    public int CalibrateItemsAndRank()
    {
        var fit = CalibrationModel.FitItems(itemScores, points);
        return fit.RankByCategory(category).Sum(c => c.Entries.Count) + fit.Iterations;
    }

    /// <summary>Baseline on totals: each application's mean of its 5 sheet totals.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("SheetTotals")]
    public int PlainMeanOfTotals()
    {
        var means = new Dictionary<Guid, (double Sum, int Count)>();
        foreach (var s in totals)
        {
            ref var m = ref CollectionsMarshal.GetValueRefOrAddDefault(means, s.Application, out _);
            m = (m.Sum + s.Value, m.Count + 1);
        }
        return means.Values.Count(m => m.Sum / m.Count > 600);
    }

    /// <summary>The model alone, from the 10,000 sheet totals.</summary>
    [Benchmark, BenchmarkCategory("SheetTotals")]
    public int CalibrateTotals() => CalibrationModel.Fit(totals).Iterations;
}
