using System.Net;
using Biaogan.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Security;

/// <summary>Requests arriving from 127.0.0.1 (the in-process test server has no address of its own), three form posts a minute.</summary>
public class LocalSenderAppFactory : AppFactory
{
    protected virtual IEnumerable<KeyValuePair<string, string?>> ProxySettings => [];

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("RateLimits:PublicFormPerMinute", "3"), .. ProxySettings];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, FromLoopback>());
    }

    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                ctx.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }
}

/// <summary>The same, with 127.0.0.1 configured as the reverse proxy.</summary>
public sealed class KnownProxyAppFactory : LocalSenderAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ProxySettings => [new("ReverseProxy:KnownProxies", "127.0.0.1")];
}

public class UntrustedForwardingTests(LocalSenderAppFactory app) : IClassFixture<LocalSenderAppFactory>
{
    [Fact]
    public async Task A_spoofed_x_forwarded_for_does_not_escape_the_sign_in_limit()
    {
        var client = Cast.Anonymous(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            client.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i}");
            statuses.Add((await client.SubmitAsync("/Account/Login", new Dictionary<string, string?>())).Response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}

/// <summary>Each form has its own allowance (own fixture: the address above has used up its sign-in allowance).</summary>
public class SeparateFormLimitTests(LocalSenderAppFactory app) : IClassFixture<LocalSenderAppFactory>
{
    [Fact]
    public async Task A_flood_of_registrations_does_not_lock_out_sign_in_from_the_same_address()
    {
        var client = Cast.Anonymous(app);
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 4 && last != HttpStatusCode.TooManyRequests; i++)
            last = (await client.SubmitAsync("/Account/Register", new Dictionary<string, string?>())).Response.StatusCode;
        Assert.Equal(HttpStatusCode.TooManyRequests, last);

        var login = await client.SubmitAsync("/Account/Login", new Dictionary<string, string?>());
        Assert.NotEqual(HttpStatusCode.TooManyRequests, login.Response.StatusCode);
    }
}

public class TrustedProxyTests(KnownProxyAppFactory app) : IClassFixture<KnownProxyAppFactory>
{
    [Fact]
    public async Task Behind_a_configured_proxy_each_visitor_has_their_own_allowance()
    {
        for (var i = 1; i <= 4; i++)
        {
            var client = Cast.Anonymous(app);
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{i}");
            for (var post = 0; post < 3; post++)
                Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.SubmitAsync("/Account/Login", new Dictionary<string, string?>())).Response.StatusCode);
        }
    }
}

/// <summary>Security headers and a nonce-based Content-Security-Policy on every response; the OpenAPI document for signed-in users.</summary>
public class SecurityHeaderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers_and_every_script_the_policy_nonce(string url)
    {
        var response = await Cast.Anonymous(app).Http.GetAsync(url);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());

        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        var page = await PageClient.ParseAsync(response);
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Equal(nonce, s.GetAttribute("nonce")));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task The_openapi_document_is_for_signed_in_users_unless_configured_public()
    {
        var anonymous = await Cast.Anonymous(app).NoRedirects.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        var signedIn = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "接口文档测试有限公司"));
        Assert.Equal(HttpStatusCode.OK, (await signedIn.Http.GetAsync("/openapi/v1.json")).StatusCode);
    }
}

public sealed class PublicOpenApiAppFactory : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("OpenApi:Public", "true")];
}

public class PublicOpenApiTests(PublicOpenApiAppFactory app) : IClassFixture<PublicOpenApiAppFactory>
{
    [Fact]
    public async Task With_openapi_public_set_anyone_may_read_the_document()
    {
        Assert.Equal(HttpStatusCode.OK, (await Cast.Anonymous(app).NoRedirects.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
