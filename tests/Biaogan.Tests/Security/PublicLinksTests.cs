using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Security;

/// <summary>Absolute links in e-mails come from App:PublicBaseUrl (or the server's own address), never from the Host header.</summary>
public class ForgedHostTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_forged_host_header_never_reaches_a_password_reset_mail()
    {
        var applicant = await Cast.ApplicantAsync(app, "伪造主机头测试有限公司");
        await ForgedHostClient(app).SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string?> { ["Input.Email"] = applicant.Email });

        var link = Messages.LinkIn(await Messages.LatestMailAsync(app, applicant.Email, DefaultTemplates.ResetPassword));
        Assert.DoesNotContain("evil.example", link);
        Assert.StartsWith("http://localhost/Account/ResetPassword?", link);
    }

    /// <summary>A browser session whose every request says “Host: evil.example”.</summary>
    internal static PageClient ForgedHostClient(AppFactory app)
    {
        var cookies = new CookieContainer();
        var address = new Uri("http://evil.example");
        return new PageClient(app.CreateDefaultClient(address, new RedirectHandler(), new CookieContainerHandler(cookies)),
            app.CreateDefaultClient(address, new CookieContainerHandler(cookies)));
    }
}

public class ConfiguredBaseUrlTests(NotificationsAppFactory app) : IClassFixture<NotificationsAppFactory>
{
    [Fact]
    public async Task The_reset_mail_link_uses_the_configured_base_url_whatever_the_host_header_says()
    {
        var applicant = await Cast.ApplicantAsync(app, "配置地址测试有限公司");
        await ForgedHostTests.ForgedHostClient(app).SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string?> { ["Input.Email"] = applicant.Email });

        var link = Messages.LinkIn(await Messages.LatestMailAsync(app, applicant.Email, DefaultTemplates.ResetPassword));
        Assert.StartsWith(NotificationsAppFactory.PublicBaseUrl + "/Account/ResetPassword?", link);
    }

    [Fact]
    public async Task The_objection_receipt_mail_links_to_the_configured_base_url()
    {
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("回执链接测试有限公司", AwardCategory.Enterprise));
        var noticeId = await PublicNoticeKit.PublishAsync(app, await PublicNoticeKit.OfficeAsync(app), new DateOnly(2026, 11, 27));
        var lodged = await PublicNoticeKit.ObjectAsync(app, Cast.Anonymous(app), noticeId, ids[0], email: "receipt-link@example.cn");
        Assert.Equal("/Public/Notice/Lodged", lodged.Path);

        var mail = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.ToAddress == "receipt-link@example.cn"));
        Assert.Contains(NotificationsAppFactory.PublicBaseUrl + "/Public/Notice/Receipt?number=", mail.Body);
        Assert.DoesNotContain("http://localhost", mail.Body);
    }
}

/// <summary>Production without App:PublicBaseUrl would have to guess its own address; it refuses to start instead.</summary>
public class ProductionStartTests
{
    private sealed class ProductionWithoutBaseUrl : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("App:PublicBaseUrl", "");
        }
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_public_base_url_and_says_what_to_set()
    {
        await using var factory = new ProductionWithoutBaseUrl();
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var messages = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException) messages.Add(e.Message);
        if (ex is AggregateException a) messages.AddRange(a.Flatten().InnerExceptions.Select(i => i.Message));
        Assert.Contains(messages, m => m.Contains("生产环境必须配置 App:PublicBaseUrl") && m.Contains("must be set in Production"));
    }
}
