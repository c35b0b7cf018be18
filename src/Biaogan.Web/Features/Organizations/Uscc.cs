using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace Biaogan.Web.Features.Organizations;

/// <summary>The outcome of checking a 统一社会信用代码: the normalised code, or a Chinese message saying what is wrong.</summary>
public sealed record UsccResult(bool IsValid, string Code, string? Error)
{
    public static UsccResult Valid(string code) => new(true, code, null);
    public static UsccResult Invalid(string code, string error) => new(false, code, error);
}

/// <summary>
/// 统一社会信用代码 — GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》. Eighteen characters:
/// 1 登记管理部门码, 2 机构类别码, 3–8 登记管理机关行政区划码 (GB/T 2260), 9–17 主体标识码
/// (组织机构代码, GB 11714, whose check digit is position 17), 18 校验码 (weights 3^(i-1) mod 31).
/// </summary>
public static class Uscc
{
    /// <summary>The 31 characters the standard uses: digits and capital letters without I, O, S, V, Z.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>登记管理部门码 in use: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管（工商）, A 中央军委改革和编制办公室, N 农业, Y 其他.</summary>
    public const string Departments = "123456789ANY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Checks a code as typed. Lower case and full-width characters are accepted and normalised.</summary>
    public static UsccResult Validate(string? input)
    {
        var code = Normalize(input);
        if (code.Length == 0) return UsccResult.Invalid(code, "请填写统一社会信用代码。");
        var length = new StringInfo(code).LengthInTextElements;
        if (length != 18)
            return UsccResult.Invalid(code, $"统一社会信用代码应为18位，您输入了{length}位，请核对是否有遗漏或多余的字符。");

        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.Contains(code[i])) continue;
            return UsccResult.Invalid(code, $"第{i + 1}位“{code[i]}”不是统一社会信用代码允许的字符。{Hint(code[i])}");
        }

        if (!Departments.Contains(code[0]))
            return UsccResult.Invalid(code, $"第1位登记管理部门码“{code[0]}”无效：应为1（机构编制）、5（民政）、9（市场监管）、Y（其他）等。");
        if (code[1] is < '1' or > '9')
            return UsccResult.Invalid(code, $"第2位机构类别码“{code[1]}”无效：应为数字1至9（如企业为“1”）。");
        for (var i = 2; i < 8; i++)
        {
            if (char.IsAsciiDigit(code[i])) continue;
            return UsccResult.Invalid(code, $"第3至8位是登记管理机关行政区划码，应为6位数字，第{i + 1}位却是“{code[i]}”。");
        }

        var organizationCheck = OrganizationCodeCheck(code.AsSpan(8, 8));
        if (code[16] != organizationCheck)
            return UsccResult.Invalid(code,
                $"第9至17位主体标识码（组织机构代码）校验不通过：按第9至16位计算，第17位应为“{organizationCheck}”，请核对第9至17位是否有输入错误。");

        var check = CheckCharacter(code.AsSpan(0, 17));
        if (code[17] != check)
            return UsccResult.Invalid(code, $"校验位错误：第18位应为“{check}”，请核对是否有输入错误。");
        return UsccResult.Valid(code);
    }

    public static bool IsValid(string? input) => Validate(input).IsValid;

    /// <summary>Trims, turns full-width letters and digits into ASCII, and upper-cases.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return "";
        var sb = new StringBuilder(input.Length);
        foreach (var ch in input.Trim())
            sb.Append(ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch);
        return sb.ToString().ToUpperInvariant();
    }

    /// <summary>The 18th character (GB 32100-2015 §5): 31 − (Σ value × weight mod 31), 31 written as 0.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>GB 11714 organisation-code check digit: 11 − (Σ value × weight mod 11); 10 is “X”, 11 is “0”.</summary>
    public static char OrganizationCodeCheck(ReadOnlySpan<char> first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * OrganizationCodeWeights[i];
        }
        return (11 - sum % 11) switch { 10 => 'X', 11 => '0', var d => (char)('0' + d) };
    }

    private static string Hint(char c) => c switch
    {
        'I' => "代码中没有字母I，是否应为数字“1”？",
        'O' => "代码中没有字母O，是否应为数字“0”？",
        'S' => "代码中没有字母S，是否应为数字“5”？",
        'Z' => "代码中没有字母Z，是否应为数字“2”？",
        'V' => "代码中没有字母V，是否应为字母“U”或“Y”？",
        ' ' or '-' or '\u3000' => "请删除其中的空格或连字符。",
        _ => "代码只能由数字0至9和除I、O、S、V、Z以外的大写英文字母组成。",
    };
}

/// <summary>Validates a form field as a 统一社会信用代码 (empty is left to [Required]).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class UsccAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string s || string.IsNullOrWhiteSpace(s)) return ValidationResult.Success;
        var result = Uscc.Validate(s);
        return result.IsValid
            ? ValidationResult.Success
            : new ValidationResult(result.Error, validationContext.MemberName is { } m ? [m] : null);
    }
}
