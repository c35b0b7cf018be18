using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Calibration;

namespace Biaogan.Tests.DocumentReview;

[NoDatabase]
public class CalibratedRankingTests
{
    private static ApplicationCalibration App(int id, double calibrated, double raw, int reviewers) =>
        new(CalibrationScenario.Id(70, id), raw, calibrated, 0, true, raw, raw, 0, reviewers, 1, 5, 10, null);

    [Fact]
    public void Applications_rank_by_calibrated_score_then_raw_mean_then_number_of_reviewers_as_displayed()
    {
        var apps = new[]
        {
            App(1, 84.20, 90.00, 5),
            App(2, 85.004, 80.00, 5),   // shows as 85.00: ties with 3 and 4 on the page
            App(3, 84.996, 81.00, 5),   // higher raw mean wins the displayed tie
            App(4, 85.001, 80.00, 4),   // same calibrated and raw as 2 but fewer reviewers
            App(5, 91.00, 70.00, 5),
            App(6, 85.00, 80.00, 4),    // ties with 4 on every key: shares its rank
        };
        var ranking = CalibratedRanking.ByCategory(apps, apps.ToDictionary(a => a.Application, _ => AwardCategory.Enterprise));

        var entries = Assert.Single(ranking).Entries;
        Assert.Equal([5, 3, 2, 4, 6, 1], entries.Select(e => IdOf(e.Score)));
        Assert.Equal([1, 2, 3, 4, 4, 6], entries.Select(e => e.Rank));
        // By raw mean alone: 1 (90), 3 (81), 2 (80, 5 reviewers), 4 and 6 (80, 4 reviewers), 5 (70).
        Assert.Equal([6, 2, 3, 4, 4, 1], entries.Select(e => e.RawRank));
    }

    [Fact]
    public void Each_category_is_ranked_on_its_own_in_category_order()
    {
        var apps = new[] { App(1, 70, 70, 5), App(2, 90, 90, 5), App(3, 80, 80, 5), App(4, 60, 60, 5) };
        var category = new Dictionary<Guid, AwardCategory>
        {
            [apps[0].Application] = AwardCategory.Service, [apps[1].Application] = AwardCategory.Enterprise,
            [apps[2].Application] = AwardCategory.Service, [apps[3].Application] = AwardCategory.Enterprise,
        };
        var ranking = CalibratedRanking.ByCategory(apps, category);

        Assert.Equal([AwardCategory.Enterprise, AwardCategory.Service], ranking.Select(c => c.Category));
        Assert.Equal([2, 4], ranking[0].Entries.Select(e => IdOf(e.Score)));
        Assert.Equal([3, 1], ranking[1].Entries.Select(e => IdOf(e.Score)));
        Assert.All(ranking, c => Assert.Equal([1, 2], c.Entries.Select(e => e.Rank)));
    }

    [Fact]
    public void An_application_without_a_category_is_refused()
    {
        var apps = new[] { App(1, 70, 70, 5) };
        var error = Assert.Throws<ArgumentException>(() => CalibratedRanking.ByCategory(apps, new Dictionary<Guid, AwardCategory>()));
        Assert.Contains("未指定类别", error.Message);
    }

    [Fact]
    public void A_lenient_panel_no_longer_decides_the_order_and_uncalibrated_applications_rank_by_raw_mean()
    {
        // Two equally good applications; reviewer L (+10) scores only the first, reviewer H (−10) only the second.
        // Reviewers M1..M3 score everything, so the severities are identifiable.
        Guid R(int i) => CalibrationScenario.Id(60, i);
        Guid A(int i) => CalibrationScenario.Id(61, i);
        var scores = new List<ReviewerScore>();
        double[] quality = [75, 75, 70, 65];
        for (var a = 0; a < 4; a++)
            for (var m = 1; m <= 3; m++) scores.Add(new ReviewerScore(R(m), A(a), quality[a]));
        scores.Add(new ReviewerScore(R(10), A(0), 85));
        scores.Add(new ReviewerScore(R(10), A(2), 80));
        scores.Add(new ReviewerScore(R(11), A(1), 65));
        scores.Add(new ReviewerScore(R(11), A(3), 55));
        scores.Add(new ReviewerScore(R(20), A(9), 72));   // an isolated application: one reviewer, not calibrated

        var fit = CalibrationModel.Fit(scores);
        var ranking = fit.RankByCategory(Enumerable.Range(0, 10).ToDictionary(A, _ => AwardCategory.Service)).Single().Entries;

        Assert.Equal(20, fit.ForReviewer(R(10))!.Severity!.Value - fit.ForReviewer(R(11))!.Severity!.Value, 1e-6);
        Assert.Equal(fit.ForApplication(A(0))!.CalibratedScore, fit.ForApplication(A(1))!.CalibratedScore, 1e-6);
        Assert.True(fit.ForApplication(A(0))!.RawMean > fit.ForApplication(A(1))!.RawMean);
        Assert.Equal([A(0), A(1), A(9), A(2), A(3)], ranking.Select(e => e.Score.Application));
        Assert.Equal(2, ranking[1].Rank);
        var isolated = ranking[2].Score;
        Assert.Equal((72.0, false), (isolated.CalibratedScore, isolated.IsCalibrated));
        Assert.Equal("该申报所在的评审关系子图仅含 1 名评审员，无法校准评审员宽严，按原始平均分排列", isolated.Explanation);
    }

    private static int IdOf(ApplicationCalibration a) => int.Parse(a.Application.ToString()[..8], System.Globalization.NumberStyles.HexNumber);
}
