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
    public Task InvokeAsync(HttpContext http)
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
        return next(http);
    }
}
