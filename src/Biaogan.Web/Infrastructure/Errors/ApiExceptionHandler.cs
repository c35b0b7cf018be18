using Biaogan.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Errors;

/// <summary>
/// Turns broken rules and bad input into ProblemDetails for the JSON API, in every environment: 422 for a rule, 409 for a
/// concurrency race, 400/413/415 with a Chinese title and detail for a request the framework cannot read (malformed JSON, a
/// value of the wrong type, a missing parameter, a body too large, control characters). For pages, bad input keeps its 4xx
/// status and the error page (Features/Error) explains it; every other exception stays a 500.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // UseExceptionHandler("/Error") has already pointed Request.Path at /Error; the feature keeps the original.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : http.Request.Path;
        var (status, title, detail) = exception switch
        {
            DomainRuleException rule => (StatusCodes.Status422UnprocessableEntity, "不符合业务规则", rule.Message),
            Files.UploadTooLargeException big => (StatusCodes.Status413PayloadTooLarge, "文件过大", big.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "内容已被他人修改", DomainRuleFilter.ConcurrencyMessage),
            BadHttpRequestException bad => BadRequestMessages.Describe(bad),
            RefusedTextException refused => (StatusCodes.Status400BadRequest, "内容含有不可见字符", refused.Message),
            // The compile-time request delegates (EnableRequestDelegateGenerator) read the form of an optional IFormFile
            // parameter without first checking the Content-Type, as the runtime ones did (415): same answer here.
            InvalidOperationException form when form.TargetSite?.DeclaringType == typeof(FormFeature) =>
                (StatusCodes.Status415UnsupportedMediaType, "请求内容格式不受支持", "请按接口说明以表单（multipart/form-data）提交文件。"),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        if (!path.StartsWithSegments("/api"))
        {
            // A page keeps the error page, which explains the 4xx status set here (a broken rule on a page is the
            // DomainRuleFilter's; one that escapes it stays a 500).
            if (exception is BadHttpRequestException or RefusedTextException)
            {
                http.Response.StatusCode = status;
                // The error page must not read the refused body again (it may be the too-large one).
                http.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            }
            return false;
        }
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
