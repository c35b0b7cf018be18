using SkiaSharp;

namespace Biaogan.Web.Infrastructure.Pdf;

/// <summary>Thrown when the server has no font that can draw Chinese; the message tells the operator what to install.</summary>
public sealed class CjkFontMissingException() : InvalidOperationException(
    "服务器未安装中文字体，无法生成 PDF 文件。请运维人员安装 Noto Sans CJK 字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）后重试。");

/// <summary>
/// The Chinese typefaces of every PDF: Noto Sans CJK SC (fonts-noto-cjk) from its known Debian paths, else whatever
/// fontconfig offers for that family or for the character 中. Found once per process; a font without Chinese glyphs
/// or Latin digits (Droid Sans Fallback has none) is refused, because a report with tofu boxes is worse than none.
/// </summary>
public static class CjkFonts
{
    // Face 2 of the Noto CJK collections is Simplified Chinese (JP, KR, SC, TC, HK).
    private static readonly (string Path, int Index)[] Regular =
    [
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ];

    private static readonly (string Path, int Index)[] Bold =
    [
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
        ("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc", 2),
        ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc", 2),
    ];

    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)?> Found = new(Locate);

    /// <summary>True when a usable Chinese font is installed.</summary>
    public static bool Available => Found.Value is not null;

    /// <summary>The regular and bold faces; throws <see cref="CjkFontMissingException"/> when none is installed.</summary>
    public static (SKTypeface Regular, SKTypeface Bold) Faces => Found.Value ?? throw new CjkFontMissingException();

    private static (SKTypeface, SKTypeface)? Locate()
    {
        var regular = FromFiles(Regular)
            ?? Usable(SKFontManager.Default.MatchFamily("Noto Sans CJK SC"))
            ?? Usable(SKFontManager.Default.MatchCharacter(null, SKFontStyle.Normal, ["zh-CN"], '中'));
        if (regular is null) return null;
        var bold = FromFiles(Bold)
            ?? Usable(SKFontManager.Default.MatchFamily(regular.FamilyName, SKFontStyle.Bold))
            ?? regular;
        return (regular, bold);
    }

    private static SKTypeface? FromFiles((string Path, int Index)[] candidates)
    {
        foreach (var (path, index) in candidates)
        {
            if (!File.Exists(path)) continue;
            if (Usable(SKTypeface.FromFile(path, index)) is { } face) return face;
        }
        return null;
    }

    private static SKTypeface? Usable(SKTypeface? face)
    {
        if (face is null) return null;
        using var font = new SKFont(face);
        return font.ContainsGlyphs("中文评审报告0123456789ABCabc") ? face : null;
    }
}
