using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.DocumentReview.Calibration;

namespace Biaogan.Tests.DocumentReview;

/// <summary>Item sheets (per-item percentages weighted by item points) and the exactness of the least-squares fit.</summary>
[NoDatabase]
public class CalibrationItemTests
{
    private static readonly Dictionary<string, double> Points = new()
    {
        ["1 领导"] = 100, ["2 战略"] = 150, ["3 顾客"] = 200, ["4 资源"] = 250, ["5 过程"] = 150, ["6 结果"] = 150,
    };

    [Fact]
    public void Complete_item_sheets_give_exactly_what_their_totals_give_in_points()
    {
        var panel = CalibrationScenario.Generate(31);
        var random = new Random(31);
        var items = new List<ItemScore<string>>();
        var totals = new List<ReviewerScore>();
        foreach (var s in panel.Scores)
        {
            double total = 0;
            foreach (var (item, points) in Points)
            {
                var percent = Math.Clamp(s.Value + 10 * CalibrationScenario.Gaussian(random), 0, 100);
                items.Add(new ItemScore<string>(s.Reviewer, s.Application, item, percent));
                total += points * percent / 100;
            }
            totals.Add(new ReviewerScore(s.Reviewer, s.Application, total));
        }

        var byItems = CalibrationModel.FitItems(items, Points);
        var byTotals = CalibrationModel.Fit(totals);

        Assert.Equal(byTotals.Mu, byItems.Mu, 1e-9);
        foreach (var (x, y) in byItems.Applications.Zip(byTotals.Applications))
        {
            Assert.Equal(y.RawMean, x.RawMean, 1e-9);
            Assert.Equal(y.CalibratedScore, x.CalibratedScore, 1e-9);
            Assert.Equal(y.StdDev, x.StdDev, 1e-9);
        }
        foreach (var (x, y) in byItems.Reviewers.Zip(byTotals.Reviewers))
            Assert.Equal(y.Severity!.Value, x.Severity!.Value, 1e-9);
        Assert.InRange(byItems.Mu, 500, 900);
    }

    [Fact]
    public void An_incomplete_sheet_is_scaled_to_the_full_standard_and_counts_for_the_points_it_covers()
    {
        var reviewer = CalibrationScenario.Id(80, 1);
        var application = CalibrationScenario.Id(81, 1);
        var fit = CalibrationModel.FitItems(
        [
            new ItemScore<string>(reviewer, application, "3 顾客", 80),
            new ItemScore<string>(reviewer, application, "4 资源", 60),
        ], Points);
        // (200·80 + 250·60) / 450 % of 1000 points.
        Assert.Equal((200 * 80 + 250 * 60) / 450.0 * 10, fit.Applications.Single().RawMean, 1e-9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void The_fit_satisfies_the_normal_equations_with_sheet_weights(double lambda)
    {
        var random = new Random(32);
        var panel = CalibrationScenario.Generate(32, applications: 40, reviewers: 12, perApplication: 4);
        var itemNames = Points.Keys.ToArray();
        var items = new List<ItemScore<string>>();
        var observed = new List<(Guid Reviewer, Guid Application, double Value, double Weight)>();
        foreach (var s in panel.Scores)
        {
            // About one sheet in three leaves items out, so sheet weights differ.
            var kept = itemNames.Where(_ => random.NextDouble() > 0.15).DefaultIfEmpty(itemNames[0]).ToArray();
            double weighted = 0, covered = 0;
            foreach (var item in kept)
            {
                var percent = Math.Clamp(s.Value + 8 * CalibrationScenario.Gaussian(random), 0, 100);
                items.Add(new ItemScore<string>(s.Reviewer, s.Application, item, percent));
                weighted += Points[item] * percent;
                covered += Points[item];
            }
            observed.Add((s.Reviewer, s.Application, weighted / covered * 10, covered / 1000));
        }

        var fit = CalibrationModel.FitItems(items, Points, new CalibrationOptions { SeverityShrinkage = lambda });
        Assert.True(fit.Converged);
        Assert.Contains(observed, o => o.Weight < 1);
        double Residual((Guid Reviewer, Guid Application, double Value, double Weight) o) =>
            o.Weight * (o.Value - fit.ForApplication(o.Application)!.CalibratedScore - fit.ForReviewer(o.Reviewer)!.Severity!.Value);

        foreach (var a in observed.GroupBy(o => o.Application))
            Assert.Equal(0, a.Sum(Residual), 1e-6);
        foreach (var r in observed.GroupBy(o => o.Reviewer))
            Assert.Equal(0, r.Sum(Residual) - lambda * fit.ForReviewer(r.Key)!.Severity!.Value, 1e-6);
        Assert.Equal(0, fit.Reviewers.Sum(r => r.Severity!.Value), 1e-9);
        Assert.Equal(observed.Sum(o => o.Weight * o.Value) / observed.Sum(o => o.Weight), fit.Mu, 1e-9);
        Assert.All(fit.Applications, a => Assert.Equal(a.CalibratedScore - fit.Mu, a.Effect, 1e-12));
    }

    [Fact]
    public void Item_scores_outside_the_standard_or_out_of_range_are_refused()
    {
        var r = CalibrationScenario.Id(80, 1);
        var a = CalibrationScenario.Id(81, 1);
        Assert.Contains("不在所用评价准则中", Assert.Throws<ArgumentException>(() =>
            CalibrationModel.FitItems([new ItemScore<string>(r, a, "7 其他", 50)], Points)).Message);
        Assert.Contains("0 至 100", Assert.Throws<ArgumentException>(() =>
            CalibrationModel.FitItems([new ItemScore<string>(r, a, "1 领导", 105)], Points)).Message);
        Assert.Contains("多个得分", Assert.Throws<ArgumentException>(() => CalibrationModel.FitItems(
            [new ItemScore<string>(r, a, "1 领导", 50), new ItemScore<string>(r, a, "1 领导", 55)], Points)).Message);
        Assert.Contains("必须为正数", Assert.Throws<ArgumentException>(() => CalibrationModel.FitItems(
            [new ItemScore<string>(r, a, "1 领导", 50)], new Dictionary<string, double> { ["1 领导"] = 0 })).Message);
    }
}
