using Microsoft.AspNetCore.Antiforgery;

namespace Biaogan.Web.Infrastructure.Security;

/// <summary>
/// CSRF protection for the JSON API: cookie-authenticated unsafe requests must carry the antiforgery
/// token in the <c>X-CSRF-TOKEN</c> header (fetch it from <c>GET /api/antiforgery</c>).
/// </summary>
public sealed class ApiAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem(statusCode: 400, title: "请求校验失败",
                    detail: "缺少或无效的防伪令牌（X-CSRF-TOKEN）。请先请求 GET /api/antiforgery 获取令牌后重试。");
            }
        }
        return await next(context);
    }
}
