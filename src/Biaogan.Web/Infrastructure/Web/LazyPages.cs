using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// Builds each Razor page's handlers, bound properties and filters when the page is first requested instead of all 258
/// pages at start (docs/decisions/0052). ASP.NET Core's provider for build-time compiled pages reflects over every page
/// model while the endpoints are mapped — about half of an app start's CPU after the process's first. The routing
/// provider registered here lists every page with its route at start; <see cref="PageLoadingMatcherPolicy"/> completes
/// the matched page's descriptor (with its [Authorize] policies, folder conventions, rate limits and filters) during
/// routing, before any middleware after routing reads the endpoint — the path the framework itself takes for pages
/// compiled at run time.
/// </summary>
public static class LazyPages
{
    public static void UseLazyPageDescriptors(this IServiceCollection services)
    {
        var eager = services.Where(d => d.ServiceType == typeof(IActionDescriptorProvider)
            && d.ImplementationType == typeof(CompiledPageActionDescriptorProvider)).ToList();
        foreach (var d in eager) services.Remove(d);
        services.AddSingleton<IActionDescriptorProvider, PageActionDescriptorProvider>();
        services.AddSingleton<MatcherPolicy, PageLoadingMatcherPolicy>();
    }

    /// <summary>
    /// The application has no MVC controllers (pages and minimal API only), so MVC need not test every type of the
    /// assembly for being one at each start.
    /// </summary>
    public static IMvcBuilder WithoutControllerDiscovery(this IMvcBuilder mvc) =>
        mvc.ConfigureApplicationPartManager(parts =>
        {
            foreach (var provider in parts.FeatureProviders.OfType<ControllerFeatureProvider>().ToList())
                parts.FeatureProviders.Remove(provider);
        });
}

/// <summary>Replaces a matched page's routing endpoint with its compiled endpoint (loaded once per page, then cached by the loader).</summary>
internal sealed class PageLoadingMatcherPolicy(PageLoader loader) : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <summary>Before every other policy, so that they and every middleware see the compiled page's metadata.</summary>
    public override int Order => int.MinValue + 100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);

    public async Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i)) continue;
            var endpoint = candidates[i].Endpoint;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            candidates.ReplaceEndpoint(i, compiled.Endpoint, candidates[i].Values);
        }
    }
}
