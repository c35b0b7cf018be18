using System.Net;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Web;

namespace Biaogan.Tests.Api;

/// <summary>
/// The API reference page (/scalar/v1) and the OpenAPI document it renders, on a site that publishes them
/// (OpenApi:Public; who may see them otherwise is SecurityHeaderTests' concern).
/// </summary>
public class ApiReferenceTests(ApiReferenceTests.PublicDocsApp app) : IClassFixture<ApiReferenceTests.PublicDocsApp>
{
    public sealed class PublicDocsApp : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("OpenApi:Public", "true")];
    }

    [Fact]
    public async Task The_reference_page_answers_and_names_the_api()
    {
        var response = await app.CreateClient().GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebModule.ApiTitle, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_reference_page_loads_its_script_from_the_application_itself()
    {
        var html = await app.CreateClient().GetStringAsync("/scalar/v1");
        Assert.DoesNotContain("cdn.jsdelivr.net", html);
        var script = await app.CreateClient().GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_carries_the_title_and_each_response_status()
    {
        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        Assert.Equal(WebModule.ApiTitle, doc.RootElement.GetProperty("info").GetProperty("title").GetString());
        var paths = doc.RootElement.GetProperty("paths");
        var current = paths.GetProperty("/api/cycles/current").GetProperty("get").GetProperty("responses");
        Assert.True(current.TryGetProperty("200", out var ok), "GET /api/cycles/current documents 200");
        Assert.True(ok.TryGetProperty("content", out _), "the 200 response documents its JSON body");
        Assert.True(current.TryGetProperty("404", out _), "GET /api/cycles/current documents 404");
        // every API operation documents at least one response with its status
        foreach (var path in paths.EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
            foreach (var op in path.Value.EnumerateObject())
                Assert.True(op.Value.GetProperty("responses").EnumerateObject().Any(r => r.Name != "default"),
                    $"{op.Name.ToUpperInvariant()} {path.Name} documents no response status");
    }
}
