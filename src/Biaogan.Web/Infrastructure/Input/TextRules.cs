namespace Biaogan.Web.Infrastructure.Input;

/// <summary>
/// The one rule for what text the application accepts: no control characters (NUL, the other C0 codes, DEL and the C1
/// codes) and no broken UTF-16, except tab and line breaks, which multi-line fields legitimately hold. PostgreSQL refuses
/// NUL in text and jsonb, and invisible codes in a name or a reason only confuse the people who read it later. Used by the
/// JSON reader, the request-line check, the page filter and, as the last line of defence, the SaveChanges interceptor.
/// </summary>
public static class TextRules
{
    /// <summary>The index of the first character the application refuses, or -1 when the text is acceptable.</summary>
    public static int FindRefused(string? text)
    {
        if (text is null) return -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r') continue;
            if (c < '\u0020' || c is >= '\u007F' and <= '\u009F') return i;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                return i;
            }
            if (char.IsLowSurrogate(c)) return i;
        }
        return -1;
    }

    public static bool IsRefused(string? text) => FindRefused(text) >= 0;

    /// <summary>How to name the refused character to a person: “NUL（U+0000）”.</summary>
    public static string Describe(string text, int index)
    {
        var c = text[index];
        var name = c switch { '\0' => "NUL", '\u007F' => "DEL", '\u001B' => "ESC", _ => char.IsSurrogate(c) ? "不完整的字符" : "控制字符" };
        return $"{name}（U+{(int)c:X4}）";
    }

    /// <summary>The Chinese message for a refused text in <paramref name="field"/> (null: the field is not known by name).</summary>
    public static string Message(string? field, string text)
    {
        var at = FindRefused(text);
        var what = at >= 0 ? Describe(text, at) : "控制字符";
        var where = string.IsNullOrWhiteSpace(field) ? "填写的内容" : $"“{field}”";
        return $"{where}中含有不可见的{what}，系统无法保存。请删除该字符（可重新输入这一段文字，不要从其他软件直接粘贴）后再提交。";
    }

    /// <summary>The start of a text, for naming in a message which of several fields is meant.</summary>
    public static string Excerpt(string text, int length = 12)
    {
        var clean = new string(text.Take(length).Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray());
        return text.Length > length ? clean + "…" : clean;
    }
}
