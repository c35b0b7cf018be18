using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Biaogan.Web.Infrastructure.Input;

/// <summary>
/// Applies <see cref="TextRules"/> to everything a page bound from the request (form fields, query, route) before its
/// handler runs: each refused value becomes an error on its field, and a form page (<see cref="AppPageModel"/>) is shown
/// again with what the person typed, so nothing reaches the database and nothing typed is lost. Other pages answer 400
/// with the message.
/// </summary>
public sealed class RefusedTextPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var refused = Refused(context.ModelState, context.HandlerInstance.GetType());
        if (refused.Count == 0)
        {
            await next();
            return;
        }
        foreach (var (key, message) in refused) context.ModelState.AddModelError(key, message);
        if (context.HandlerInstance is AppPageModel page)
        {
            context.Result = await page.RedisplayAsync();
            return;
        }
        context.Result = new ContentResult
        {
            StatusCode = StatusCodes.Status400BadRequest,
            ContentType = "text/plain; charset=utf-8",
            Content = refused[0].Message + "请返回上一页修改。",
        };
    }

    private static List<(string Key, string Message)> Refused(ModelStateDictionary state, Type page)
    {
        var refused = new List<(string, string)>();
        foreach (var (key, entry) in state)
        {
            var text = entry.RawValue switch
            {
                string s => s,
                string[] many => many.FirstOrDefault(TextRules.IsRefused),
                _ => null,
            };
            if (TextRules.IsRefused(text)) refused.Add((key, TextRules.Message(DisplayName(page, key), text!)));
        }
        return refused;
    }

    /// <summary>The field's [Display] name where the page has one (“异议事实和理由”), else none: the message then sits next to the field.</summary>
    private static string? DisplayName(Type type, string key)
    {
        System.Reflection.PropertyInfo? property = null;
        foreach (var part in key.Split('.'))
        {
            var name = part.Split('[')[0];
            property = type.GetProperty(name);
            if (property is null) return null;
            type = property.PropertyType;
            if (part.Contains('[') && type != typeof(string))
                type = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().LastOrDefault() ?? type;
        }
        return property?.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), true)
            .OfType<System.ComponentModel.DataAnnotations.DisplayAttribute>().FirstOrDefault()?.GetName();
    }
}
