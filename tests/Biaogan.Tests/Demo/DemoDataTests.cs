using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Organizations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Demo;

/// <summary>The app as a developer starts it: demo data switched on, in the Development environment.</summary>
public sealed class DemoAppFactory : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>The same settings in production: demo data must never appear.</summary>
public sealed class ProductionDemoAppFactory : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public class DemoDataTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task First_start_in_development_fills_an_empty_database_with_organisations_at_every_stage()
    {
        var statuses = await app.WithDbAsync(db => db.Set<Application>().Select(a => a.Status).ToListAsync());
        Assert.Equal(
            [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.AwaitingQualification,
                ApplicationStatus.SupplementRequested, ApplicationStatus.Qualified],
            statuses.Order().ToList());
        var bodies = await app.WithDbAsync(db => db.Set<RecommendingBody>().CountAsync());
        Assert.Equal(3, bodies);
    }

    [Fact]
    public async Task The_home_page_lists_the_demo_logins_and_they_work()
    {
        var home = PageClient.Text(await Cast.Anonymous(app).GetAsync("/"));
        Assert.Contains("演示账号", home);
        Assert.Contains("office@demo.biaogan.cn", home);
        var client = await Cast.SignInAsync(app, new Persona("", "唐敏", "jincheng@demo.biaogan.cn", "Demo2026pass", null, null, null));
        var list = PageClient.Text(await client.GetAsync("/Applications"));
        Assert.Contains("资格审查通过", list);
    }
}

public class ProductionDemoDataTests(ProductionDemoAppFactory app) : IClassFixture<ProductionDemoAppFactory>
{
    [Fact]
    public async Task Production_never_creates_demo_data_even_when_configured()
    {
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Organization>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@demo.biaogan.cn"))));
        Assert.DoesNotContain("演示账号", PageClient.Text(await Cast.Anonymous(app).GetAsync("/")));
    }
}
