namespace Biaogan.Web.Features.Applications;

/// <summary>
/// 字数 as Chinese word processors count it: each CJK character or full-width punctuation mark (including “”‘’—…·) is one,
/// each run of Latin letters or digits (with . % - _ inside it, as in “85.3%”) is one; whitespace and
/// ASCII punctuation are not counted.
/// </summary>
public static class WordCount
{
    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var count = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            if (IsCjk(ch))
            {
                count++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(ch))
            {
                if (!inWord) count++;
                inWord = true;
            }
            else if (!(inWord && ch is '.' or '%' or '-' or '_'))
            {
                inWord = false;
            }
        }
        return count;
    }

    /// <summary>
    /// CJK ideographs, CJK and full-width punctuation, and the marks Chinese text sets full-width although
    /// Unicode files them elsewhere: “ ” ‘ ’ — … · (GB/T 15834 标点符号用法).
    /// </summary>
    private static bool IsCjk(char ch) =>
        ch is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF'
            or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF'
            or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u2014' or '\u2026' or '\u00B7';
}
