namespace Biaogan.Web.Features.Qualification;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet without I, O, S, V, Z;
/// characters 3–8 are the registering authority's administrative-division code; the 18th is a check
/// character computed modulo 31 over the first 17.
/// </summary>
public static class UsccCheck
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The check character for the first 17 characters (which must all be in the alphabet).</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>Whether the code is well formed, with a Chinese explanation either way.</summary>
    public static (bool Valid, string Message) Validate(string? code)
    {
        var c = (code ?? "").Trim().ToUpperInvariant();
        if (c.Length != 18)
            return (false, $"统一社会信用代码应为 18 位，实际为 {c.Length} 位");
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(c[i]) < 0)
                return (false, $"第 {i + 1} 位“{c[i]}”不是统一社会信用代码允许的字符（代码不使用 I、O、S、V、Z）");
        }
        if (!c[2..8].All(char.IsAsciiDigit))
            return (false, "第 3–8 位应为登记管理机关行政区划码（6 位数字）");
        var expected = CheckCharacter(c);
        if (c[17] != expected)
            return (false, $"校验位（第 18 位）应为“{expected}”，实际为“{c[17]}”，代码可能填写有误");
        return (true, "符合 GB 32100-2015 编码规则，校验位正确");
    }
}
