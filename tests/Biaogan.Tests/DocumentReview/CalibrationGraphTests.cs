using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.DocumentReview.Calibration;

namespace Biaogan.Tests.DocumentReview;

/// <summary>Components of the reviewer–application graph, small components, lone reviewers and determinism.</summary>
[NoDatabase]
public class CalibrationGraphTests
{
    private static readonly Guid Lone = CalibrationScenario.Id(90, 1);
    private static readonly Guid LoneApp = CalibrationScenario.Id(91, 1);
    private static readonly Guid PairA = CalibrationScenario.Id(92, 1), PairB = CalibrationScenario.Id(92, 2);
    private static readonly Guid PairApp1 = CalibrationScenario.Id(93, 1), PairApp2 = CalibrationScenario.Id(93, 2);

    [Fact]
    public void Two_disconnected_panels_are_two_components_each_centred_on_its_own_reviewers()
    {
        var north = CalibrationScenario.Generate(21, applications: 30, reviewers: 10, kind: 0);
        var south = CalibrationScenario.Generate(22, applications: 40, reviewers: 10, kind: 1);
        var fit = CalibrationModel.Fit(north.Scores.Concat(south.Scores));

        Assert.Equal(2, fit.Components.Count);
        Assert.Equal(new ScoreComponent(1, 10, 40, 200, 10, false, null), fit.Components[0]);
        Assert.Equal(new ScoreComponent(2, 10, 30, 150, 10, false, null), fit.Components[1]);
        foreach (var (panel, id) in new[] { (south, 1), (north, 2) })
        {
            var severities = panel.Reviewers.Select(r => fit.ForReviewer(r)!).ToArray();
            Assert.All(severities, r => Assert.Equal(id, r.Component));
            Assert.Equal(0, severities.Sum(r => r.Severity!.Value), 1e-9);
            Assert.All(panel.Applications, a => Assert.Equal((id, 10, id == 1 ? 40 : 30), (fit.ForApplication(a)!.Component,
                fit.ForApplication(a)!.ComponentReviewerCount, fit.ForApplication(a)!.ComponentApplicationCount)));
            Assert.True(CalibrationScenario.Pearson(severities.Select(r => r.Severity!.Value).ToArray(), panel.Severity) >= 0.95);
        }
    }

    [Fact]
    public void A_component_too_small_is_flagged_explained_and_keeps_its_raw_mean()
    {
        var panel = CalibrationScenario.Generate(23);
        var scores = panel.Scores.Concat(
        [
            new ReviewerScore(Lone, LoneApp, 71),
            new ReviewerScore(PairA, PairApp1, 80), new ReviewerScore(PairB, PairApp1, 70),
            new ReviewerScore(PairA, PairApp2, 60), new ReviewerScore(PairB, PairApp2, 64),
        ]);
        var fit = CalibrationModel.Fit(scores);

        Assert.Equal(3, fit.Components.Count);
        Assert.False(fit.Components[0].TooSmallToCalibrate);
        var pair = fit.Components[1];
        var lone = fit.Components[2];
        Assert.Equal((2, 2, 2, true), (pair.ReviewerCount, pair.ApplicationCount, pair.SharedReviewerCount, pair.TooSmallToCalibrate));
        Assert.Equal("该申报所在的评审关系子图仅含 2 份申报，无法校准评审员宽严，按原始平均分排列", pair.Explanation);
        Assert.Equal((1, 1, true), (lone.ReviewerCount, lone.ApplicationCount, lone.TooSmallToCalibrate));
        Assert.Equal("该申报所在的评审关系子图仅含 1 名评审员，无法校准评审员宽严，按原始平均分排列", lone.Explanation);

        var app = fit.ForApplication(PairApp2)!;
        Assert.Equal((62.0, 62.0, false, 60.0, 64.0, 2.0, 2), (app.RawMean, app.CalibratedScore, app.IsCalibrated,
            app.MinScore, app.MaxScore, app.StdDev, app.ReviewerCount));
        Assert.Equal(pair.Explanation, app.Explanation);
        Assert.Equal(71.0, fit.ForApplication(LoneApp)!.CalibratedScore);
        Assert.Equal(new ReviewerSeverity(Lone, null, null, 1, 3), fit.ForReviewer(Lone));
        Assert.Null(fit.ForReviewer(PairA)!.Severity);
        Assert.All(panel.Applications, a => Assert.Null(fit.ForApplication(a)!.Explanation));

        // The big panel's result does not depend on the small components beside it.
        var alone = CalibrationModel.Fit(panel.Scores);
        Assert.All(panel.Applications, a =>
            Assert.Equal(alone.ForApplication(a)!.CalibratedScore, fit.ForApplication(a)!.CalibratedScore, 1e-9));
    }

    [Fact]
    public void The_thresholds_for_too_small_are_settings()
    {
        var panel = CalibrationScenario.Generate(24, applications: 8, reviewers: 4, perApplication: 3);
        Assert.False(CalibrationModel.Fit(panel.Scores).Components[0].TooSmallToCalibrate);

        var strict = CalibrationModel.Fit(panel.Scores, new CalibrationOptions { MinReviewers = 5 });
        Assert.Equal("该申报所在的评审关系子图仅含 4 名评审员，无法校准评审员宽严，按原始平均分排列", strict.Components[0].Explanation);
        Assert.All(strict.Applications, a => Assert.Equal(a.RawMean, a.CalibratedScore));

        var shared = CalibrationModel.Fit(panel.Scores, new CalibrationOptions { MinSharedReviewers = 5 });
        Assert.Equal("该申报所在的评审关系子图中仅有 4 名评审员评审过两份及以上申报，无法校准评审员宽严，按原始平均分排列",
            shared.Components[0].Explanation);
    }

    [Fact]
    public void An_application_with_one_reviewer_gets_that_score_less_the_reviewers_severity_and_changes_nothing_else()
    {
        var panel = CalibrationScenario.Generate(25);
        var single = CalibrationScenario.Id(94, 1);
        var reviewer = panel.Reviewers[3];
        var fit = CalibrationModel.Fit(panel.Scores.Append(new ReviewerScore(reviewer, single, 77.5)));
        var without = CalibrationModel.Fit(panel.Scores);

        var app = fit.ForApplication(single)!;
        var severity = fit.ForReviewer(reviewer)!.Severity!.Value;
        Assert.True(app.IsCalibrated);
        Assert.Equal(77.5 - severity, app.CalibratedScore, 1e-9);
        Assert.Equal((77.5, 77.5, 77.5, 0.0, 1), (app.RawMean, app.MinScore, app.MaxScore, app.StdDev, app.ReviewerCount));
        Assert.Equal(16, fit.ForReviewer(reviewer)!.ScoreCount);
        Assert.All(panel.Reviewers, r =>
            Assert.Equal(without.ForReviewer(r)!.Severity!.Value, fit.ForReviewer(r)!.Severity!.Value, 1e-9));
    }

    [Fact]
    public void The_same_scores_in_any_order_give_identical_results()
    {
        var panel = CalibrationScenario.Generate(26);
        var shuffled = panel.Scores.ToArray();
        new Random(99).Shuffle(shuffled);

        var first = CalibrationModel.Fit(panel.Scores);
        var again = CalibrationModel.Fit(panel.Scores);
        var reordered = CalibrationModel.Fit(shuffled);

        foreach (var other in new[] { again, reordered })
        {
            Assert.Equal(first.Mu, other.Mu);
            Assert.Equal(first.Iterations, other.Iterations);
            Assert.Equal(first.Applications, other.Applications);
            Assert.Equal(first.Reviewers, other.Reviewers);
            Assert.Equal(first.Components, other.Components);
        }
        Assert.Equal(panel.Applications.Order(), first.Applications.Select(a => a.Application));
    }

    [Fact]
    public void No_scores_give_an_empty_result()
    {
        var fit = CalibrationModel.Fit([]);
        Assert.Empty(fit.Applications);
        Assert.Empty(fit.Components);
        Assert.True(fit.Converged);
        Assert.Null(fit.ResidualStdDev);
    }

    [Fact]
    public void A_reviewer_scoring_an_application_twice_or_a_missing_score_is_refused()
    {
        var twice = new[] { new ReviewerScore(Lone, LoneApp, 70), new ReviewerScore(Lone, LoneApp, 72) };
        Assert.Contains("多个总分", Assert.Throws<ArgumentException>(() => CalibrationModel.Fit(twice)).Message);
        Assert.Contains("不是有效数值", Assert.Throws<ArgumentException>(() =>
            CalibrationModel.Fit([new ReviewerScore(Lone, LoneApp, double.NaN)])).Message);
        Assert.Throws<ArgumentException>(() =>
            CalibrationModel.Fit([new ReviewerScore(Lone, LoneApp, 1)], new CalibrationOptions { SeverityShrinkage = -1 }));
    }
}
