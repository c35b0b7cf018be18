using System.Net;
using Biaogan.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Architecture;

/// <summary>
/// Pages are listed at start without their models and completed when first requested (docs/decisions/0052); the
/// completed page's own [Authorize] policy must still decide, or a page guarded only by its model would be open.
/// </summary>
public class LazyPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void The_start_lists_every_page_without_building_its_model()
    {
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()).OfType<PageActionDescriptor>().ToList();
        Assert.Contains(pages, p => p.ViewEnginePath == "/Accounts/Users");
        Assert.True(pages.Count > 100, $"only {pages.Count} pages listed");
        Assert.DoesNotContain(pages, p => p is CompiledPageActionDescriptor);
    }

    [Fact]
    public async Task A_page_guarded_only_by_its_model_policy_sends_an_anonymous_visitor_to_sign_in_and_an_applicant_to_access_denied()
    {
        // /Accounts/Users: the folder convention only asks for a signed-in person; the model's policy asks for the office.
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/Accounts/Users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString());

        var applicant = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "懒加载验证有限公司"));
        var refused = await applicant.NoRedirects.GetAsync("/Accounts/Users");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.ToString());
    }
}
