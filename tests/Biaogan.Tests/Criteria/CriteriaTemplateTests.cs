using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Criteria;

namespace Biaogan.Tests.Criteria;

/// <summary>The two shipped templates: complete, valid, and every unverified value marked 待核定.</summary>
[NoDatabase]
public class CriteriaTemplateTests
{
    private static CriteriaDocument Tcaq => CriteriaCatalog.Templates.Single(t => t.Code == "T/CAQ 10301-2016");
    private static CriteriaDocument Gbt => CriteriaCatalog.Templates.Single(t => t.Code == "GB/T 19580-2012");

    [Fact]
    public void Both_templates_validate()
    {
        Assert.Equal(2, CriteriaCatalog.Templates.Count);
        Assert.All(CriteriaCatalog.Templates, t => Assert.Empty(CriteriaValidation.Problems(t)));
        Assert.Equal("T/CAQ 10301-2016", CriteriaCatalog.Templates[0].Code);
    }

    [Fact]
    public void The_TCAQ_template_keeps_the_outline_categories_and_the_known_clauses()
    {
        Assert.Equal(["4.1 领导", "4.2 顾客关系管理策划", "4.3 资源", "4.4 顾客需求获取与顾客关系维护", "4.5 顾客满意测量、分析与改进", "4.6 结果"],
            Tcaq.Categories.Select(c => c.Display));
        Assert.Equal([100, 120, 130, 150, 100, 400], Tcaq.Categories.Select(c => c.Points));
        foreach (var known in new[] { "4.2.2 竞争环境分析", "4.2.3 目标市场选择", "4.3.2.2 数据应用", "4.3.2.3 信息技术", "4.3.3.1 岗位设置",
                     "4.3.3.2 教育培训", "4.3.3.3 员工参与", "4.4.2 顾客需求获取" })
            Assert.Contains(known, Tcaq.Items.Select(i => i.Display));
        Assert.Contains(Tcaq.Items, i => i.Name == "顾客识别与分类" && i.Guidance.Contains("顾客数据库"));
        Assert.All(Tcaq.Categories[5].Items, i => Assert.Equal(ItemKind.Result, i.Kind));
    }

    [Fact]
    public void Every_TCAQ_point_value_is_marked_pending_with_a_reason()
    {
        Assert.True(Tcaq.TotalPending);
        Assert.All(Tcaq.Categories, c => Assert.True(c.Pending && c.PendingNote.Length > 0, c.Display));
        Assert.All(Tcaq.Items, i => Assert.True(i.Pending && i.PendingNote.Length > 0, i.Display));
        Assert.Contains(Tcaq.Items, i => i.PendingNote.Contains("推断"));
        Assert.False(Tcaq.ToOutline(Tcaq.Code).PointsConfirmed);
    }

    [Fact]
    public void The_GBT_19580_template_has_7_categories_23_items_and_1000_points()
    {
        Assert.Equal(1000, Gbt.TotalPoints);
        Assert.Equal([110, 90, 90, 130, 100, 80, 400], Gbt.Categories.Select(c => c.Points));
        Assert.Equal(23, Gbt.Items.Count());
        Assert.Equal(["4.1.2 高层领导的作用", "4.1.3 组织治理", "4.1.4 社会责任"], Gbt.Categories[0].Items.Select(i => i.Display));
        Assert.Equal([60, 15, 20, 15, 10, 10], Gbt.Categories[3].Items.Select(i => i.Points));
        Assert.Equal(6, Gbt.Categories[6].Items.Count(i => i.Kind == ItemKind.Result));
        Assert.Equal(17, Gbt.Items.Count(i => i.Kind == ItemKind.Process));
        Assert.All(Gbt.Items, i => Assert.True(i.Pending, i.Display));
    }

    [Fact]
    public void The_band_descriptors_say_they_are_our_paraphrase()
    {
        Assert.All(CriteriaCatalog.Templates, t => Assert.Contains("意译", t.BandsNote));
        Assert.All(CriteriaCatalog.Templates, t => Assert.Contains("并非 GB/Z 19579-2012", t.BandsNote));
    }

    [Fact]
    public void Without_a_database_the_catalog_offers_the_templates_with_the_programme_default_first()
    {
        Assert.Equal("T/CAQ 10301-2016", CriteriaCatalog.ForCycle("未知标准").Code);
        Assert.Equal(6, CriteriaCatalog.ForCycle("T/CAQ 10301-2016").Categories.Count);
        Assert.Equal(7, CriteriaCatalog.ForCycle("GB/T 19580-2012").Categories.Count);
        Assert.Equal(23, CriteriaCatalog.DocumentForCycle("GB/T 19580-2012").Items.Count());
        Assert.Contains(CriteriaCatalog.All, o => o.Code == "GB/T 19580-2012");
    }
}
