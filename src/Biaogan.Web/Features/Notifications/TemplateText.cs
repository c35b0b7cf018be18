using System.Text.RegularExpressions;

namespace Biaogan.Web.Features.Notifications;

/// <summary>The {{占位符}} language of notification templates: find, fill, check and preview.</summary>
public static partial class TemplateText
{
    [GeneratedRegex(@"\{\{\s*([^{}\r\n]+?)\s*\}\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>The placeholder names a text uses, in order of first appearance.</summary>
    public static IReadOnlyList<string> PlaceholdersIn(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

    /// <summary>The names a template offers (its comma-separated <see cref="MessageTemplate.Placeholders"/>).</summary>
    public static IReadOnlyList<string> Offered(string placeholders) =>
        placeholders.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Placeholders in subject or body that the template does not offer, so would be sent as typed.</summary>
    public static IReadOnlyList<string> Unknown(string placeholders, string subject, string body)
    {
        var offered = Offered(placeholders).ToHashSet(StringComparer.Ordinal);
        return PlaceholdersIn(subject).Concat(PlaceholdersIn(body)).Distinct().Where(p => !offered.Contains(p)).ToList();
    }

    /// <summary>Replaces {{名称}} (spaces inside the braces allowed); unknown ones are left visible so the office notices them.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    /// <summary>Example values for the office's preview, clearly recognisable as examples.</summary>
    public static IReadOnlyDictionary<string, string> SampleValues(string placeholders) =>
        Offered(placeholders).ToDictionary(p => p, p => Samples.TryGetValue(p, out var v) ? v : $"（{p}示例）");

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["收件人"] = "李晓梅",
        ["单位名称"] = "示例科技股份有限公司",
        ["组织名称"] = "示例科技股份有限公司",
        ["推荐单位"] = "示例市质量协会",
        ["角色"] = "评审员",
        ["年度"] = "2026",
        ["类别"] = "企业类",
        ["申报编号"] = "BG2026-0001",
        ["理由"] = "（此处显示填写的理由）",
        ["截止日期"] = "2026年12月4日",
        ["工作日"] = "5",
        ["轮次"] = "1",
        ["链接"] = "https://biaogan.example.cn/示例链接",
    };
}

/// <summary>Cuts text to a column's length without splitting a surrogate pair (rare CJK characters are two chars).</summary>
public static class TextLimit
{
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "…";
    }
}
