using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// Replaces the framework's English model-binding messages (“The value 'x' is not valid for …”) with
/// Chinese ones that say what to enter. Data-annotation messages are written per property in Chinese.
/// </summary>
public sealed class ChineseBindingMessages : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}，请重新填写。");
        m.SetMissingBindRequiredValueAccessor(field => $"请填写{field}。");
        m.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值，请重新填写。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效，请重新填写。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "此项必须是数字。");
        m.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效，请重新填写。");
        m.SetValueIsInvalidAccessor(value => $"“{value}”无效，请重新填写。");
        m.SetValueMustBeANumberAccessor(field => $"{field}必须是数字。");
        m.SetValueMustNotBeNullAccessor(value => $"请填写此项（“{value}”无效）。");
    }
}
