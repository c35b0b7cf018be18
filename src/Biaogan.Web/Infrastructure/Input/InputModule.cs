using Microsoft.AspNetCore.Http.Json;

namespace Biaogan.Web.Infrastructure.Input;

/// <summary>
/// Bad input is a Chinese 4xx, never a 500 (decision record 0022): minimal-API binding failures are thrown in every
/// environment so that ApiExceptionHandler turns them into problem+json; every JSON string, request path, API query and
/// page field passes <see cref="TextRules"/>; bodies that are not uploads are capped by <see cref="RequestSizeLimit"/>.
/// The SaveChanges side (<see cref="TextColumnInterceptor"/>) is registered with the DbContext in Infrastructure/Data.
/// </summary>
public static class InputModule
{
    public static void AddInputChecks(this IServiceCollection services)
    {
        // Without this the framework answers a bad request with an empty 400 (or, in Development, a 500 page).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new CheckedStringConverter()));
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<RefusedTextPageFilter>());
    }

    /// <summary>Call right after UseExceptionHandler, so that what these refuse becomes the Chinese answer.</summary>
    public static void UseInputChecks(this IApplicationBuilder app)
    {
        app.UseMiddleware<RequestSizeLimit>();
        app.UseMiddleware<RequestLineCheck>();
        // Refusals the framework answers without an exception (e.g. a body that is not JSON: 415) get a Chinese problem too.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(WriteProblemAsync));
    }

    private static async Task WriteProblemAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (title, detail) = http.Response.StatusCode switch
        {
            400 => ("请求格式不正确", "请求的格式不正确，系统无法处理。请按接口说明检查路径、参数和请求内容后重新提交。"),
            405 => ("不支持该请求方法", "此地址不支持该请求方法（GET、POST、PUT、DELETE 等），请按接口说明调用。"),
            411 => ("缺少内容长度", "请在请求头中注明 Content-Length 后重新提交。"),
            413 => ("提交的内容过大", RequestSizeLimit.TooLargeMessage),
            414 => ("网址过长", "请求的网址过长，请缩短查询参数后重试。"),
            415 => ("请求内容格式不受支持", "请以 JSON 格式提交（请求头 Content-Type: application/json），或按接口说明提交表单。"),
            431 => ("请求头过大", "请求头过大，请清除本站的 Cookie 后重试。"),
            _ => (null, null),
        };
        if (title is null) return;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = http.Response.StatusCode, Title = title, Detail = detail },
        });
    }
}
