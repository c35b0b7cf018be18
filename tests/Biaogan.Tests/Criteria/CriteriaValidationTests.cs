using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Criteria;

namespace Biaogan.Tests.Criteria;

/// <summary>Items add up to their category, categories to the total, bands cover 0–100 %; each problem named in Chinese.</summary>
[NoDatabase]
public class CriteriaValidationTests
{
    [Fact]
    public void A_consistent_document_has_no_problems()
    {
        Assert.Empty(CriteriaValidation.Problems(CriteriaBuilders.Small()));
    }

    [Fact]
    public void Items_below_their_category_name_the_category_and_the_shortfall()
    {
        var doc = CriteriaBuilders.Small().WithItem(0, 1, i => i with { Points = 20 });
        var problem = Assert.Single(CriteriaValidation.Problems(doc), p => p.Contains("各条目分值合计"));
        Assert.Equal("类目“1 领导与策划”：各条目分值合计 50 分，比类目分值 60 分少 10 分。请调整条目分值或类目分值。", problem);
    }

    [Fact]
    public void Items_above_their_category_name_the_excess()
    {
        var doc = CriteriaBuilders.Small().WithItem(1, 0, i => i with { Points = 45 });
        Assert.Contains("类目“2 结果”：各条目分值合计 45 分，比类目分值 40 分多 5 分。请调整条目分值或类目分值。", CriteriaValidation.Problems(doc));
    }

    [Fact]
    public void Categories_that_do_not_add_up_to_the_total_are_reported_with_the_difference()
    {
        var doc = CriteriaBuilders.Small() with { TotalPoints = 1000 };
        Assert.Equal(["各类目分值合计 100 分，比总分 1000 分少 900 分。请调整类目分值或总分。"], CriteriaValidation.Problems(doc));
    }

    [Fact]
    public void A_category_without_items_is_reported()
    {
        var doc = CriteriaBuilders.Small().WithCategory(1, c => c with { Items = [] });
        Assert.Equal(["类目“2 结果”下没有条目，请至少添加一个条目。"], CriteriaValidation.Problems(doc));
    }

    [Fact]
    public void Repeated_clause_numbers_are_reported()
    {
        var doc = CriteriaBuilders.Small().WithItem(0, 1, i => i with { Code = "1.1" });
        Assert.Contains("条款号“1.1”出现了 2 次，每个类目和条目的条款号必须不同。", CriteriaValidation.Problems(doc));
    }

    [Fact]
    public void An_item_numbered_outside_its_category_is_reported()
    {
        var doc = CriteriaBuilders.Small().WithItem(1, 0, i => i with { Code = "1.3" });
        Assert.Contains("条目“1.3 顾客满意结果”的条款号应以所属类目的条款号“2.”开头，请修改条款号或把它移到正确的类目下。",
            CriteriaValidation.Problems(doc));
    }

    [Fact]
    public void Missing_names_codes_and_zero_points_are_reported()
    {
        var doc = CriteriaBuilders.Small()
            .WithItem(0, 0, i => i with { Name = "" })
            .WithItem(0, 1, i => i with { Points = 0 })
            .WithCategory(1, c => c with { Code = "" });
        var problems = CriteriaValidation.Problems(doc);
        Assert.Contains("类目“1 领导与策划”中的条目“1.1”缺少名称，请填写。", problems);
        Assert.Contains("条目“1.2 顾客识别”的分值必须大于 0 分。", problems);
        Assert.Contains("类目“结果”缺少条款号，请填写（如 4.2）。", problems);
    }

    [Fact]
    public void An_empty_document_asks_for_code_title_total_and_a_category()
    {
        var doc = new CriteriaDocument("", "", "", 0, false, "", [], "", CriteriaCatalog.Templates[0].Bands);
        Assert.Equal(["请填写标准编号（如 T/CAQ 10301-2016）。", "请填写标准名称（如 顾客关系管理评价准则）。", "总分必须大于 0 分。", "至少需要一个类目。"],
            CriteriaValidation.Problems(doc));
    }

    [Fact]
    public void Bands_must_cover_0_to_100_percent_in_5_percent_steps_without_gaps_or_overlaps()
    {
        var shipped = CriteriaBuilders.Small().Bands;
        ScoreBand[] gap = [shipped[0], shipped[1] with { MinPercent = 15 }, .. shipped.Skip(2)];
        Assert.Equal(["评分档“15%–25%”与上一档“0%–5%”之间有空缺：10% 不属于任何评分档。"], Problems(gap));

        ScoreBand[] overlap = [shipped[0], shipped[1] with { MinPercent = 5 }, .. shipped.Skip(2)];
        Assert.Equal(["评分档“5%–25%”与上一档“0%–5%”重叠，应从 10% 开始。"], Problems(overlap));

        ScoreBand[] ends = [shipped[0] with { MinPercent = 5 }, .. shipped.Skip(1).Take(4), shipped[5] with { MaxPercent = 95 }];
        Assert.Equal(["第一个评分档应从 0% 开始，现为 5%。", "最后一个评分档应到 100% 为止，现为 95%。"], Problems(ends));

        ScoreBand[] odd = [shipped[0] with { MaxPercent = 7 }, .. shipped.Skip(1)];
        Assert.Contains("评分档“0%–7%”的百分比必须是 5 的倍数。", Problems(odd));

        ScoreBand[] blank = [shipped[0] with { Process = " ", Result = "" }, .. shipped.Skip(1)];
        Assert.Equal(["评分档“0%–5%”缺少过程条目的描述（方法-展开-学习-整合）。", "评分档“0%–5%”缺少结果条目的描述（水平-趋势-对比-整合）。"], Problems(blank));

        Assert.Equal(["至少需要一个评分档（如 0%–5%）。"], Problems([]));
    }

    [Fact]
    public void The_shipped_bands_are_the_six_bands_with_21_allowed_percentages()
    {
        var bands = CriteriaBuilders.Small().Bands;
        Assert.Equal(["0%–5%", "10%–25%", "30%–45%", "50%–65%", "70%–85%", "90%–100%"], bands.Select(b => b.Range));
        Assert.Equal(Enumerable.Range(0, 21).Select(n => n * 5), bands.SelectMany(b => b.Percentages()));
        Assert.All(bands, b => Assert.StartsWith("方法：", b.Process));
        Assert.All(bands, b => Assert.StartsWith("水平：", b.Result));
        Assert.Equal("30%–45%", CriteriaBuilders.Small().BandFor(40)!.Range);
    }

    private static IReadOnlyList<string> Problems(IReadOnlyList<ScoreBand> bands) =>
        CriteriaValidation.Problems(CriteriaBuilders.Small() with { Bands = bands });
}
