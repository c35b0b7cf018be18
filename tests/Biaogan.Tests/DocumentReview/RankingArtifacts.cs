using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Biaogan.Tests.DocumentReview;

/// <summary>
/// Saves a page's HTML into BIAOGAN_ARTIFACTS (when set, as scripts/test.sh does) with the stylesheet pointed at the
/// source tree, so a person can open it or screenshot it with Chromium and look at what was built.
/// </summary>
internal static partial class RankingArtifacts
{
    public static async Task SaveAsync(string name, IDocument page)
    {
        if (Environment.GetEnvironmentVariable("BIAOGAN_ARTIFACTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        var css = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../src/Biaogan.Web/wwwroot/css/site.css"));
        var html = StyleLink().Replace(page.DocumentElement.OuterHtml, $"href=\"file://{css}\"");
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), "<!DOCTYPE html>" + html);
    }

    [GeneratedRegex("href=\"/css/site\\.css[^\"]*\"")]
    private static partial Regex StyleLink();
}
