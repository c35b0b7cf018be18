using System.Text;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// Normalised organisation names, the fallback key when one side has no 统一社会信用代码. Two spellings of the same
/// registered name must meet: full-width and half-width forms (NFKC), spaces, brackets and punctuation, Latin case,
/// and the legal-form suffix (“有限公司”, “股份有限公司” …), which people drop or vary when they write an employer's name.
/// “集团” is kept: “甲集团有限公司” and the group name “甲集团” meet, “甲集团” and “甲有限公司” do not.
/// </summary>
public static class OrganizationNames
{
    // Longest first, so that “股份有限公司” is removed whole rather than leaving “股份”.
    private static readonly string[] LegalForms =
        ["股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司"];

    /// <summary>The comparison key of a name; empty for a blank name (which never matches anything).</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var folded = name.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch) || char.IsPunctuation(ch) || char.IsSymbol(ch)) continue;
            sb.Append(char.ToUpperInvariant(ch));
        }
        var key = sb.ToString();
        foreach (var suffix in LegalForms)
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                key = key[..^suffix.Length];
                break;
            }
        }
        return key;
    }
}
