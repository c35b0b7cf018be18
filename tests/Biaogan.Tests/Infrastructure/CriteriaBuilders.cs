using Biaogan.Web.Features.Criteria;

namespace Biaogan.Tests.Infrastructure;

/// <summary>Small criteria documents for the criteria tests: valid unless a test changes them.</summary>
public static class CriteriaBuilders
{
    private static int _seq;

    /// <summary>A standard code no other test uses, so published versions never collide across test databases.</summary>
    public static string UniqueCode(string prefix = "T/TEST") => $"{prefix} {Interlocked.Increment(ref _seq):D3}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Two categories (60 + 40 = 100 points): 1 有两条过程条目 (30 + 30), 2 有一条结果条目 (40); the shipped bands.</summary>
    public static CriteriaDocument Small(string? code = null) => new(
        code ?? UniqueCode(), "测试版本", "测试评价准则", 100, false, "测试说明",
        [
            new CategoryNode("1", "领导与策划", 60, false, "", "类目一的评价要点",
            [
                new ItemNode("1.1", "方针目标", ItemKind.Process, 30, false, "", "条目一"),
                new ItemNode("1.2", "顾客识别", ItemKind.Process, 30, true, "分值为占位数值", "条目二"),
            ]),
            new CategoryNode("2", "结果", 40, true, "待核定说明", "类目二的评价要点",
            [
                new ItemNode("2.1", "顾客满意结果", ItemKind.Result, 40, false, "", "条目三"),
            ]),
        ],
        "评分档说明", CriteriaCatalog.Templates[0].Bands);

    /// <summary>Replaces one item (category <paramref name="c"/>, item <paramref name="i"/>).</summary>
    public static CriteriaDocument WithItem(this CriteriaDocument d, int c, int i, Func<ItemNode, ItemNode> change) => d with
    {
        Categories = d.Categories.Select((cat, n) => n != c ? cat : cat with
        {
            Items = cat.Items.Select((item, k) => k == i ? change(item) : item).ToList(),
        }).ToList(),
    };

    public static CriteriaDocument WithCategory(this CriteriaDocument d, int c, Func<CategoryNode, CategoryNode> change) => d with
    {
        Categories = d.Categories.Select((cat, n) => n == c ? change(cat) : cat).ToList(),
    };
}
