using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Security;

public partial class AuthorizationMatrixTests
{
    /// <summary>
    /// Every form a page accepts (each OnPost handler of each page, found on the compiled pages) has a row in the write matrix,
    /// so a new page action cannot ship without its authorization being tried by every persona. The sign-in and account
    /// pages and the public forms are left out: they are for everyone (their abuse limits have tests of their own).
    /// </summary>
    [Fact]
    public async Task Every_page_form_handler_has_a_row_in_the_matrix()
    {
        var handlers = await PageFormHandlersAsync();
        Assert.Contains(handlers, h => h.StartsWith("/approval?handler=finalise", StringComparison.Ordinal));
        var covered = Writes.Where(w => w.Method == "POST" && !w.Route.StartsWith("/api/", StringComparison.Ordinal))
            .Select(w => PageFormKey(w.Route)).ToHashSet();
        var missing = handlers.Where(h => !covered.Contains(h)).ToList();
        Assert.True(missing.Count == 0, "Add these page forms to the write matrix: " + string.Join(", ", missing));
    }

    private static readonly string[] OpenForms = ["/account/", "/public/", "/error"];

    /// <summary>Each page's POST handlers as "/route?handler=name" (lower case, ids as *), from the compiled pages.</summary>
    private async Task<List<string>> PageFormHandlersAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var keys = new HashSet<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var route = Normalise("/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'));
            if (OpenForms.Any(p => (route + "/").StartsWith(p, StringComparison.Ordinal))) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                keys.Add(route + (handler.Name is { Length: > 0 } name ? "?handler=" + name.ToLowerInvariant() : ""));
        }
        return keys.Order().ToList();
    }

    private static string PageFormKey(string route)
    {
        var query = route.Contains('?') ? route[(route.IndexOf('?') + 1)..] : "";
        var handler = query.Split('&').FirstOrDefault(p => p.StartsWith("handler=", StringComparison.OrdinalIgnoreCase))?["handler=".Length..];
        return Normalise(route) + (handler is { Length: > 0 } ? "?handler=" + handler.ToLowerInvariant() : "");
    }
}
