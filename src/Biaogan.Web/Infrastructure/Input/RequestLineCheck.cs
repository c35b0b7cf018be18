using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Biaogan.Web.Infrastructure.Input;

/// <summary>Text of a request the application refuses (<see cref="TextRules"/>); the message is Chinese and final.</summary>
public sealed class RefusedTextException(string message) : Exception(message);

/// <summary>
/// Applies <see cref="TextRules"/> to what is not a form or a JSON body: the path of every request, and the query string
/// of API requests (page queries are bound into the page's model state and checked there, so the page can show the message
/// next to the form).
/// </summary>
public sealed class RequestLineCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value;
        if (TextRules.IsRefused(path)) throw new RefusedTextException(TextRules.Message("网址", path!));
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            foreach (var (key, values) in http.Request.Query)
            {
                if (TextRules.IsRefused(key)) throw new RefusedTextException(TextRules.Message("参数名", key));
                foreach (var value in values)
                    if (TextRules.IsRefused(value)) throw new RefusedTextException(TextRules.Message($"参数 {TextRules.Excerpt(key, 40)}", value!));
            }
        }
        await ReadFormWithNulAsync(http);
        await next(http);
    }

    /// <summary>
    /// The framework's form reader refuses an encoded NUL (%00) outright, so the page never sees the form: the person gets
    /// “请求无效” and loses what they typed. Such a form (at most the body limit) is read here instead, so that the page
    /// filter can name the field and show the form again.
    /// </summary>
    private static async Task ReadFormWithNulAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true
            || request.ContentLength is not { } length || length > RequestSizeLimit.DefaultMaxBodyBytes) return;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.ToArray();
        request.Body = new MemoryStream(bytes);
        var text = Encoding.UTF8.GetString(bytes);
        if (!text.Contains("%00", StringComparison.Ordinal)) return;
        var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>();
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var key = Uri.UnescapeDataString((at < 0 ? pair : pair[..at]).Replace('+', ' '));
            var value = at < 0 ? "" : Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '));
            fields[key] = fields.TryGetValue(key, out var existing) ? Microsoft.Extensions.Primitives.StringValues.Concat(existing, value) : value;
        }
        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
    }
}
