using Microsoft.AspNetCore.Http.Json;

namespace Biaogan.Web.Infrastructure.Input;

/// <summary>
/// Bad input is a Chinese 4xx, never a 500 (decision record 0020): minimal-API binding failures are thrown in every
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
    }
}
