namespace Biaogan.Web.Features.Criteria;

/// <summary>
/// The rules a 评价准则 version must meet before it is published: items add up to their category,
/// categories to the total, clause numbers are unique and nested, and the scoring bands cover 0–100 % in
/// 5 % steps. Every problem is one Chinese sentence naming the category or item and the difference.
/// </summary>
public static class CriteriaValidation
{
    public const int MaxCodeLength = 60;
    public const int MaxTitleLength = 100;

    public static IReadOnlyList<string> Problems(CriteriaDocument doc)
    {
        var problems = new List<string>();
        Header(doc, problems);
        foreach (var category in doc.Categories) Category(category, problems);
        Duplicates(doc, problems);
        if (doc.Categories.Count > 0 && doc.CategoryPoints != doc.TotalPoints)
            problems.Add($"各类目分值合计 {doc.CategoryPoints} 分，比总分 {doc.TotalPoints} 分{Gap(doc.CategoryPoints, doc.TotalPoints)}。请调整类目分值或总分。");
        Bands(doc.Bands, problems);
        return problems;
    }

    public static bool IsValid(CriteriaDocument doc) => Problems(doc).Count == 0;

    private static void Header(CriteriaDocument doc, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(doc.Code)) problems.Add("请填写标准编号（如 T/CAQ 10301-2016）。");
        else if (doc.Code.Length > MaxCodeLength) problems.Add($"标准编号不能超过 {MaxCodeLength} 个字符。");
        if (string.IsNullOrWhiteSpace(doc.Title)) problems.Add("请填写标准名称（如 顾客关系管理评价准则）。");
        else if (doc.Title.Length > MaxTitleLength) problems.Add($"标准名称不能超过 {MaxTitleLength} 个字符。");
        if (doc.Label.Length > MaxTitleLength) problems.Add($"版本说明不能超过 {MaxTitleLength} 个字符。");
        if (doc.TotalPoints <= 0) problems.Add("总分必须大于 0 分。");
        if (doc.Categories.Count == 0) problems.Add("至少需要一个类目。");
    }

    private static void Category(CategoryNode c, List<string> problems)
    {
        var name = Name(c.Code, c.Name, "类目");
        if (string.IsNullOrWhiteSpace(c.Code)) problems.Add($"{name}缺少条款号，请填写（如 4.2）。");
        if (string.IsNullOrWhiteSpace(c.Name)) problems.Add($"{name}缺少名称，请填写。");
        if (c.Points <= 0) problems.Add($"{name}的分值必须大于 0 分。");
        if (c.Items.Count == 0)
        {
            problems.Add($"{name}下没有条目，请至少添加一个条目。");
            return;
        }
        if (c.ItemPoints != c.Points)
            problems.Add($"{name}：各条目分值合计 {c.ItemPoints} 分，比类目分值 {c.Points} 分{Gap(c.ItemPoints, c.Points)}。请调整条目分值或类目分值。");
        foreach (var i in c.Items)
        {
            var item = Name(i.Code, i.Name, "条目");
            if (string.IsNullOrWhiteSpace(i.Code)) problems.Add($"{name}中的{item}缺少条款号，请填写。");
            else if (!string.IsNullOrWhiteSpace(c.Code) && !i.Code.StartsWith(c.Code + ".", StringComparison.Ordinal))
                problems.Add($"{item}的条款号应以所属类目的条款号“{c.Code}.”开头，请修改条款号或把它移到正确的类目下。");
            if (string.IsNullOrWhiteSpace(i.Name)) problems.Add($"{name}中的{item}缺少名称，请填写。");
            if (i.Points <= 0) problems.Add($"{item}的分值必须大于 0 分。");
            if (!Enum.IsDefined(i.Kind)) problems.Add($"{item}的类型应为“过程”或“结果”。");
        }
    }

    private static void Duplicates(CriteriaDocument doc, List<string> problems)
    {
        var codes = doc.Categories.Select(c => c.Code).Concat(doc.Items.Select(i => i.Code))
            .Where(c => !string.IsNullOrWhiteSpace(c));
        foreach (var dup in codes.GroupBy(c => c.Trim()).Where(g => g.Count() > 1))
            problems.Add($"条款号“{dup.Key}”出现了 {dup.Count()} 次，每个类目和条目的条款号必须不同。");
    }

    private static void Bands(IReadOnlyList<ScoreBand> bands, List<string> problems)
    {
        if (bands.Count == 0)
        {
            problems.Add("至少需要一个评分档（如 0%–5%）。");
            return;
        }
        if (bands[0].MinPercent != 0) problems.Add($"第一个评分档应从 0% 开始，现为 {bands[0].MinPercent}%。");
        if (bands[^1].MaxPercent != 100) problems.Add($"最后一个评分档应到 100% 为止，现为 {bands[^1].MaxPercent}%。");
        for (var n = 0; n < bands.Count; n++)
        {
            var b = bands[n];
            var name = $"评分档“{b.Range}”";
            if (b.MinPercent % ScoreBand.Step != 0 || b.MaxPercent % ScoreBand.Step != 0)
                problems.Add($"{name}的百分比必须是 {ScoreBand.Step} 的倍数。");
            if (b.MinPercent > b.MaxPercent) problems.Add($"{name}的起点大于终点，请对调。");
            if (b.MinPercent < 0 || b.MaxPercent > 100) problems.Add($"{name}超出了 0%–100% 的范围。");
            if (string.IsNullOrWhiteSpace(b.Process)) problems.Add($"{name}缺少过程条目的描述（方法-展开-学习-整合）。");
            if (string.IsNullOrWhiteSpace(b.Result)) problems.Add($"{name}缺少结果条目的描述（水平-趋势-对比-整合）。");
            if (n == 0) continue;
            var expected = bands[n - 1].MaxPercent + ScoreBand.Step;
            if (b.MinPercent > expected)
                problems.Add($"{name}与上一档“{bands[n - 1].Range}”之间有空缺：{expected}% 不属于任何评分档。");
            else if (b.MinPercent < expected)
                problems.Add($"{name}与上一档“{bands[n - 1].Range}”重叠，应从 {expected}% 开始。");
        }
    }

    /// <summary>“少 10 分” / “多 10 分”: how far <paramref name="actual"/> is from <paramref name="expected"/>.</summary>
    private static string Gap(int actual, int expected) =>
        actual < expected ? $"少 {expected - actual} 分" : $"多 {actual - expected} 分";

    private static string Name(string code, string name, string kind)
    {
        var text = $"{code} {name}".Trim();
        return text.Length == 0 ? $"（未命名{kind}）" : $"{kind}“{text}”";
    }
}
