namespace Biaogan.Web.Features.DocumentReview.Calibration;

/// <summary>
/// 评审员宽严校准: the additive model s(r,a) = μ + θ_a + b_r + ε over the reviewer–application graph, fitted by exact
/// (weighted, optionally ridge) least squares — the least-squares calibration of Tan et al. (arXiv:2110.12607) with the
/// linear scoring function, and with λ &gt; 0 the posterior mode of the Gaussian reviewer-bias models of SIGKDD 2009 and
/// Ge, Welling and Ghahramani (NIPS 2013–14); see docs/decisions/0005-calibrated-ranking.md.
/// Severities are identifiable only up to a constant per connected component, so Σ b_r = 0 in each component:
/// a calibrated score is "what the component's average reviewer would have given". Components too small to say
/// anything about severity keep their raw means and carry a Chinese explanation. Pure and database-free: the caller
/// loads sheets, calls <see cref="Fit"/> or <see cref="FitItems{TItem}"/>, and ranks with
/// <see cref="CalibrationResult.RankByCategory{TCategory}"/>.
/// </summary>
public static class CalibrationModel
{
    /// <summary>Calibrates reviewers' totals (any unit; the results are in the same unit).</summary>
    public static CalibrationResult Fit(IEnumerable<ReviewerScore> scores, CalibrationOptions? options = null) =>
        Fit(ScoreSheets.FromTotals(scores), options ?? CalibrationOptions.Default);

    /// <summary>
    /// Calibrates item sheets: percentages per item, weighted by the item's points in <paramref name="itemPoints"/> (the
    /// whole pinned standard). Results are in points of the standard (满分 = Σ item points); a complete sheet counts as
    /// its total Σ points·pct/100, so complete sheets give exactly what <see cref="Fit"/> gives on those totals.
    /// </summary>
    public static CalibrationResult FitItems<TItem>(IEnumerable<ItemScore<TItem>> scores,
        IReadOnlyDictionary<TItem, double> itemPoints, CalibrationOptions? options = null) where TItem : notnull =>
        Fit(ScoreSheets.FromItems(scores, itemPoints), options ?? CalibrationOptions.Default);

    private static CalibrationResult Fit(List<SheetObservation> observations, CalibrationOptions options)
    {
        options.Validate();
        var g = ScoreGraph.Build(observations);
        var components = DescribeComponents(g, options);
        var appActive = g.AppComponent.Select(c => !components[c].TooSmallToCalibrate).ToArray();
        var reviewerActive = g.ReviewerComponent.Select(c => !components[c].TooSmallToCalibrate).ToArray();

        var solution = SeveritySolver.Solve(g, appActive, reviewerActive, options.SeverityShrinkage,
            options.Tolerance, options.MaxIterations);
        var severity = solution.Severity;
        CentrePerComponent(g, severity, reviewerActive);

        var level = new double[g.Applications.Length];
        for (var a = 0; a < level.Length; a++)
        {
            double w = 0, sum = 0;
            for (var o = g.AppStart[a]; o < g.AppStart[a + 1]; o++)
            {
                var b = appActive[a] ? severity[g.ObsReviewer[o]] : 0;
                w += g.Weight[o];
                sum += g.Weight[o] * (g.Value[o] - b);
            }
            level[a] = sum / w;
        }

        var mu = WeightedMean(g);
        var sigma = ResidualStdDev(g, appActive, components, level, severity);
        var applications = Enumerable.Range(0, g.Applications.Length)
            .Select(a => DescribeApplication(g, a, appActive[a], level[a], mu, components[g.AppComponent[a]]))
            .ToList();
        var reviewers = Enumerable.Range(0, g.Reviewers.Length)
            .Select(r => DescribeReviewer(g, r, reviewerActive[r], severity[r], sigma, options.SeverityShrinkage))
            .ToList();
        return new CalibrationResult(mu, sigma, solution.Iterations, solution.Converged, options.SeverityShrinkage,
            applications, reviewers, components);
    }

    private static List<ScoreComponent> DescribeComponents(ScoreGraph g, CalibrationOptions options)
    {
        var apps = new int[g.ComponentCount];
        var reviewers = new int[g.ComponentCount];
        var shared = new int[g.ComponentCount];
        var scores = new int[g.ComponentCount];
        foreach (var c in g.AppComponent) apps[c]++;
        for (var r = 0; r < g.Reviewers.Length; r++)
        {
            var c = g.ReviewerComponent[r];
            var n = g.ReviewerStart[r + 1] - g.ReviewerStart[r];
            reviewers[c]++;
            scores[c] += n;
            if (n >= 2) shared[c]++;
        }
        return Enumerable.Range(0, g.ComponentCount).Select(c =>
        {
            var why = reviewers[c] < options.MinReviewers ? $"仅含 {reviewers[c]} 名评审员"
                : apps[c] < options.MinApplications ? $"仅含 {apps[c]} 份申报"
                : shared[c] < options.MinSharedReviewers
                    ? shared[c] == 0 ? "中没有评审员评审过两份及以上申报" : $"中仅有 {shared[c]} 名评审员评审过两份及以上申报"
                : null;
            var explanation = why is null ? null : $"该申报所在的评审关系子图{why}，无法校准评审员宽严，按原始平均分排列";
            return new ScoreComponent(c + 1, reviewers[c], apps[c], scores[c], shared[c], why is not null, explanation);
        }).ToList();
    }

    private static void CentrePerComponent(ScoreGraph g, double[] severity, bool[] reviewerActive)
    {
        var sum = new double[g.ComponentCount];
        var count = new int[g.ComponentCount];
        for (var r = 0; r < severity.Length; r++)
        {
            if (!reviewerActive[r]) continue;
            sum[g.ReviewerComponent[r]] += severity[r];
            count[g.ReviewerComponent[r]]++;
        }
        for (var r = 0; r < severity.Length; r++)
            severity[r] = reviewerActive[r] ? severity[r] - sum[g.ReviewerComponent[r]] / count[g.ReviewerComponent[r]] : 0;
    }

    private static double WeightedMean(ScoreGraph g)
    {
        double w = 0, sum = 0;
        for (var o = 0; o < g.ObservationCount; o++)
        {
            w += g.Weight[o];
            sum += g.Weight[o] * g.Value[o];
        }
        return w > 0 ? sum / w : 0;
    }

    /// <summary>σ̂² = weighted RSS / (scores − applications − reviewers + 1) summed over the calibrated components.</summary>
    private static double? ResidualStdDev(ScoreGraph g, bool[] appActive, List<ScoreComponent> components,
        double[] level, double[] severity)
    {
        double rss = 0;
        for (var o = 0; o < g.ObservationCount; o++)
        {
            if (!appActive[g.ObsApp[o]]) continue;
            var e = g.Value[o] - level[g.ObsApp[o]] - severity[g.ObsReviewer[o]];
            rss += g.Weight[o] * e * e;
        }
        var df = components.Where(c => !c.TooSmallToCalibrate)
            .Sum(c => c.ScoreCount - c.ApplicationCount - c.ReviewerCount + 1);
        return df > 0 ? Math.Sqrt(rss / df) : null;
    }

    private static ApplicationCalibration DescribeApplication(ScoreGraph g, int a, bool active, double level, double mu,
        ScoreComponent component)
    {
        var values = g.Value.AsSpan(g.AppStart[a], g.AppStart[a + 1] - g.AppStart[a]);
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        var mean = sum / values.Length;
        double squares = 0;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        var calibrated = active ? level : mean;
        return new ApplicationCalibration(g.Applications[a], mean, calibrated, calibrated - mu, active, min, max,
            Math.Sqrt(squares / values.Length), values.Length, component.Id, component.ReviewerCount,
            component.ApplicationCount, component.Explanation);
    }

    private static ReviewerSeverity DescribeReviewer(ScoreGraph g, int r, bool active, double severity, double? sigma,
        double lambda)
    {
        var obs = g.ObservationsOf(r);
        var component = g.ReviewerComponent[r] + 1;
        if (!active) return new ReviewerSeverity(g.Reviewers[r], null, null, obs.Length, component);

        double d = 0, s = 0;
        foreach (var o in obs)
        {
            var w = g.Weight[o];
            double others = 0;
            var a = g.ObsApp[o];
            for (var p = g.AppStart[a]; p < g.AppStart[a + 1]; p++) others += g.Weight[p];
            others -= w;
            if (others <= 1e-12) continue;
            d += w;
            s += w + w * w / others;
        }
        var precision = (s > 0 ? d * d / s : 0) + lambda;
        double? error = sigma is { } sd && precision > 0 ? sd / Math.Sqrt(precision) : null;
        return new ReviewerSeverity(g.Reviewers[r], severity, error, obs.Length, component);
    }
}
