using System.Text.Json;
using System.Text.RegularExpressions;
using Biaogan.Web.Infrastructure.Input;

namespace Biaogan.Web.Infrastructure.Errors;

/// <summary>
/// Turns the framework's English reasons for refusing a request (<see cref="BadHttpRequestException"/>: unreadable JSON,
/// a value that does not fit its type, a missing parameter, a body too large) into a status, a Chinese title and a
/// Chinese detail that says what to fix. The API shows them as problem+json, pages as the error page.
/// </summary>
public static partial class BadRequestMessages
{
    public static (int Status, string Title, string Detail) Describe(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return (413, "提交的内容过大", RequestSizeLimit.TooLargeMessage);
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return (415, "请求内容格式不受支持", "请以 JSON 格式提交（请求头 Content-Type: application/json），或按接口说明提交表单。");
        var json = Find<JsonException>(bad);
        if (json is RefusedTextJsonException refused)
            return (400, "内容含有不可见字符", Field(json) is { } f ? refused.Message.Replace("填写的内容", $"字段“{f}”") : refused.Message);
        if (json is not null)
        {
            var field = Field(json);
            return json.InnerException?.GetType().Name == "JsonReaderException" || field is null
                ? (400, "请求内容不是有效的 JSON", $"请求内容无法按 JSON 读取{Where(json)}。请检查括号、引号和逗号是否成对、完整，然后重新提交。")
                : (400, "字段的值类型不正确", $"字段“{field}”的值类型或格式不正确（例如应为数字却填了文字、数字超出范围、日期或编号格式不对）。请按接口说明修改后重新提交。");
        }
        var message = bad.Message;
        if (MissingParameter().Match(message) is { Success: true } missing)
            return (400, "缺少必填参数", missing.Groups["source"].Value == "body"
                ? "请求内容不能为空，请按接口说明提交 JSON。"
                : $"缺少必填参数“{missing.Groups["name"].Value}”，请补全后重新提交。");
        if (message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase))
            return (400, "缺少请求内容", "请求内容不能为空，请按接口说明提交 JSON。");
        if (FailedBind().Match(message) is { Success: true } failed)
            return (400, "参数格式不正确",
                $"参数“{failed.Groups["name"].Value}”的值“{TextRules.Excerpt(failed.Groups["value"].Value, 40)}”格式不正确，应为{Kind(failed.Groups["type"].Value)}。请修改后重新提交。");
        if (message.Contains("form", StringComparison.OrdinalIgnoreCase))
            return (400, "表单无法读取", "提交的表单内容无法读取（格式不正确或数量过多）。请返回页面刷新后重新提交。");
        return (bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, "请求格式不正确", "请求的格式不正确，系统无法处理。请按接口说明检查路径、参数和请求内容后重新提交。");
    }

    private static string? Field(JsonException json) =>
        json.Path is { Length: > 1 } path && path != "$" ? path.TrimStart('$', '.') : null;

    private static string Where(JsonException json) =>
        json.LineNumber is { } line ? $"（第 {line + 1} 行第 {(json.BytePositionInLine ?? 0) + 1} 个字节附近）" : "";

    /// <summary>How to write a value of a parameter type, in words.</summary>
    private static string Kind(string type) => type.TrimEnd('?') switch
    {
        "Guid" => "编号（GUID，形如 0196f1a2-0000-7000-8000-000000000001）",
        "int" or "long" or "short" or "Int32" or "Int64" => "整数（且在允许范围内）",
        "decimal" or "double" or "float" => "数字",
        "DateOnly" or "DateTime" or "DateTimeOffset" => "日期（形如 2026-11-27）",
        "bool" or "Boolean" => "true 或 false",
        _ => "接口说明中的取值之一",
    };

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T t) return t;
        return null;
    }

    [GeneratedRegex("""Required parameter "(?<type>[^ "]+) (?<name>[^"]+)" was not provided from (?<source>\w+)""")]
    private static partial Regex MissingParameter();

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from "(?<value>.*)"\.?$""", RegexOptions.Singleline)]
    private static partial Regex FailedBind();
}
