using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Biaogan.Tests.Security;

/// <summary>
/// What a person reads must not be program text (issue 11 item 10): class or property names (CamelCase), configuration
/// keys (App:PublicBaseUrl, Settings.Quota), API paths (/api/…) or server paths (/var/…, App_Data, C:\…). E-mail
/// addresses and web addresses are taken out first — people copy them; a few true necessities are allowed by name.
/// </summary>
public static partial class VisibleLanguage
{
    /// <summary>Product and format names a person needs to see as they are.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "PostgreSQL", "JavaScript", "PowerPoint", "WeChat", "iPhone", "iOS", "macOS", "LibreOffice", "OpenStreetMap",
    };

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"https?://[^\s，。；、）)]+")]
    private static partial Regex UrlPattern();

    // A lower-case letter must follow the first capital: random codes of capitals and digits (a certificate's verification
    // code "A8QDS7HA97" in the audit log) are not program words.
    [GeneratedRegex(@"\b(?:[A-Z][a-z][a-z0-9]*[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)\b")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+(?::[A-Z][A-Za-z]+)+\b|\b[A-Z][a-z]+\.[A-Z][A-Za-z]+\b")]
    private static partial Regex ConfigKey();

    [GeneratedRegex(@"/api/[A-Za-z]")]
    private static partial Regex ApiPath();

    [GeneratedRegex(@"(?<![A-Za-z0-9])/(?:var|tmp|home|srv|opt|etc|usr|app|data)/|App_Data|[A-Za-z]:\\[A-Za-z]|\.eml\b")]
    private static partial Regex ServerPath();

    /// <summary>The page's visible text: the body without scripts, styles and templates.</summary>
    public static string VisibleText(IDocument page)
    {
        if (page.Body is null) return "";
        var body = (IElement)page.Body.Clone(deep: true);
        foreach (var hidden in body.QuerySelectorAll("script, style, template, noscript").ToList()) hidden.Remove();
        return body.TextContent;
    }

    /// <summary>Each program word found, as “word”; empty when the text speaks to people.</summary>
    public static IReadOnlyList<string> Offences(string text)
    {
        text = UrlPattern().Replace(EmailPattern().Replace(text, " "), " ");
        var found = new List<string>();
        found.AddRange(CamelCase().Matches(text).Select(m => m.Value).Where(w => !Allowed.Contains(w)));
        found.AddRange(ConfigKey().Matches(text).Select(m => m.Value));
        found.AddRange(ApiPath().Matches(text).Select(m => Around(text, m.Index)));
        found.AddRange(ServerPath().Matches(text).Select(m => Around(text, m.Index)));
        // Templates are known to people by their Chinese purpose, never by the key the code uses.
        found.AddRange(Web.Features.Notifications.DefaultTemplates.All.Select(t => t.Key).Where(k => text.Contains(k, StringComparison.Ordinal)));
        return found.Distinct().ToList();
    }

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 10);
        return text.Substring(start, Math.Min(40, text.Length - start)).ReplaceLineEndings(" ").Trim();
    }
}
