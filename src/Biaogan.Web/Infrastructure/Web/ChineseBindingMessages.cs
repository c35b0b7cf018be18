using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// Replaces the framework's English model-binding messages (“The value 'x' is not valid for …”) with
/// Chinese ones that say what to enter, for every page and endpoint (registered once in <see cref="WebModule"/>).
/// Data-annotation messages are written per property in Chinese. A field without a Chinese [Display] name is
/// called “此项” rather than by its C# property name.
/// </summary>
public sealed class ChineseBindingMessages : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => IsChinese(field)
            ? $"“{value}”不是有效的{field}，请重新填写。"
            : $"填写的“{value}”格式不正确，请重新填写（数字、日期等须按格式填写）。");
        m.SetMissingBindRequiredValueAccessor(field => IsChinese(field) ? $"请填写{field}。" : "请填写此项。");
        m.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值，请重新填写。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效，请重新填写。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "此项必须是数字。");
        m.SetUnknownValueIsInvalidAccessor(field => IsChinese(field) ? $"{field}的值无效，请重新填写。" : "填写的值无效，请重新填写。");
        m.SetValueIsInvalidAccessor(value => $"“{value}”无效，请重新填写。");
        m.SetValueMustBeANumberAccessor(field => IsChinese(field) ? $"{field}必须是数字。" : "此项必须是数字。");
        m.SetValueMustNotBeNullAccessor(_ => "此项不能为空，请填写。");
    }

    /// <summary>Whether a display name is meant for people (Chinese) rather than a property name.</summary>
    private static bool IsChinese(string? name) => name?.Any(c => c >= '\u4E00' && c <= '\u9FFF') == true;
}
