using Biaogan.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>
/// Puts a page's multipart POST on the streaming path. It runs before the antiforgery check and model binding (which
/// would otherwise read the whole form, files buffered to a temporary folder): it reads the text fields up to the
/// first file part and hands them to both as the request's form, then leaves the body there, so the handler takes
/// the files one by one from <see cref="StreamedForm"/> (<c>HttpContext.Features.Get&lt;StreamedForm&gt;()</c>).
/// The page must therefore put its antiforgery token and every text field before its file inputs.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StreamedUploadAttribute(int maxFileMb, int maxFiles) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the antiforgery filter (order 1000), which reads the form.</summary>
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
            return;
        try
        {
            var form = StreamedForm.Open(request, maxFileMb * 1024L * 1024, maxFiles);
            await form.NextFileAsync(context.HttpContext.RequestAborted);
            request.Form = form.ToFormCollection();
            context.HttpContext.Features.Set(form);
        }
        catch (Exception e) when (e is UploadTooLargeException or DomainRuleException)
        {
            context.Result = new ContentResult
            {
                StatusCode = e is UploadTooLargeException ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                ContentType = "text/plain; charset=utf-8",
                Content = e.Message + " 请返回上一页（您填写的文字仍在页面上），换用较小的文件后再提交。",
            };
        }
    }
}
