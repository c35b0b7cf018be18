using SkiaSharp;

namespace Biaogan.Web.Infrastructure.Pdf;

/// <summary>
/// Line breaking for mixed Chinese and Latin text: a Chinese character may break anywhere, a Latin word or number
/// stays whole when it fits on a line, closing punctuation (，。、；：？！）》” …) never starts a line and opening
/// punctuation (（《“ …) never ends one (避头尾). Explicit newlines start a new line.
/// </summary>
public static class TextWrap
{
    private const string NoLineStart = "，。、；：？！）》」』”’,.;:?!)]}%…—·";
    private const string NoLineEnd = "（《「『“‘([{";

    public static List<string> Lines(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Replace("\r\n", "\n").Split('\n'))
            WrapParagraph(paragraph, font, width, lines);
        return lines;
    }

    private static void WrapParagraph(string text, SKFont font, float width, List<string> lines)
    {
        if (text.Length == 0) { lines.Add(""); return; }
        var start = 0;
        while (start < text.Length)
        {
            var end = FitCount(text, start, font, width);
            if (start + end < text.Length)
                end = AdjustBreak(text, start, end);
            lines.Add(text.Substring(start, end).TrimEnd());
            start += end;
            while (start < text.Length && text[start] == ' ') start++;
        }
    }

    /// <summary>How many characters from <paramref name="start"/> fit in the width (at least one).</summary>
    private static int FitCount(string text, int start, SKFont font, float width)
    {
        float used = 0;
        var i = start;
        while (i < text.Length)
        {
            var len = char.IsSurrogatePair(text, i) ? 2 : 1;
            var w = font.MeasureText(text.AsSpan(i, len));
            if (used + w > width && i > start) break;
            used += w;
            i += len;
        }
        return i - start;
    }

    private static int AdjustBreak(string text, int start, int count)
    {
        var next = start + count;
        // 避头: pull up to two closing marks onto this line (a slight overhang reads better than a mark alone).
        if (NoLineStart.Contains(text[next]))
        {
            var pulled = next;
            while (pulled < text.Length && pulled - next < 2 && NoLineStart.Contains(text[pulled])) pulled++;
            return pulled - start;
        }
        // 避尾: an opening mark moves down with what it opens.
        if (count > 1 && NoLineEnd.Contains(text[next - 1])) return count - 1;
        // Keep Latin words and numbers whole when the line has room to break before them.
        if (IsWordChar(text[next]) && IsWordChar(text[next - 1]))
        {
            var b = next - 1;
            while (b > start && IsWordChar(text[b - 1])) b--;
            if (b > start) return b - start;
        }
        return count;
    }

    private static bool IsWordChar(char c) => c < 0x2E80 && (char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '%');
}
