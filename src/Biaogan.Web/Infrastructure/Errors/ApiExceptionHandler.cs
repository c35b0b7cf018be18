using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Errors;

/// <summary>Turns broken rules into ProblemDetails for the JSON API: 422 for a rule, 409 for a concurrency race.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // UseExceptionHandler("/Error") has already pointed Request.Path at /Error; the feature keeps the original.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : http.Request.Path;
        if (!path.StartsWithSegments("/api")) return false;
        var (status, title, detail) = exception switch
        {
            DomainRuleException rule => (StatusCodes.Status422UnprocessableEntity, "不符合业务规则", rule.Message),
            Files.UploadTooLargeException big => (StatusCodes.Status413PayloadTooLarge, "文件过大", big.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "内容已被他人修改", DomainRuleFilter.ConcurrencyMessage),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
