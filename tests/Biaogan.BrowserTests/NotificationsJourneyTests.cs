using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>The browser fixture with a known public base URL for links in e-mails.</summary>
public sealed class NotificationsBrowserFixture : BrowserFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("App:PublicBaseUrl", NotificationsAppFactory.PublicBaseUrl)];
}

public class NotificationsJourneyTests(NotificationsBrowserFixture app) : IClassFixture<NotificationsBrowserFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task The_office_edits_a_template_with_a_live_preview_and_the_applicant_reads_the_message()
    {
        var office = await app.SignedInPageAsync(await Cast.OfficeAsync(app));
        await office.GotoAsync("/Notifications/Templates", Nav.Goto);
        await app.ScreenshotAsync(office, "notifications-templates");
        await office.GetByRole(AriaRole.Row, new() { Name = "资格审查通过" }).GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();

        await office.Locator("[data-template-subject]").FillAsync("资格审查通过：{{申报编号}}（{{未知}}）");
        Assert.Equal("资格审查通过：BG2026-0001（{{未知}}）", await office.Locator("[data-preview-subject]").InnerTextAsync());
        Assert.True(await office.Locator("[data-unknown-warning]").IsVisibleAsync());
        await app.ScreenshotAsync(office, "notifications-template-edit");
        await office.Locator("[data-template-subject]").FillAsync("资格审查通过：{{申报编号}}");
        Assert.False(await office.Locator("[data-unknown-warning]").IsVisibleAsync());
        await office.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        Assert.Contains("已保存", await office.Locator(".alert-success").InnerTextAsync());

        var applicant = await Cast.PersonAsync(app, "李晓梅", Roles.Applicant);
        await app.WithScopeAsync(async sp =>
        {
            var user = (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(applicant.UserId))!;
            var notifier = sp.GetRequiredService<Notifier>();
            await notifier.NotifyAsync(DefaultTemplates.QualificationPassed, [user],
                new Dictionary<string, string> { ["申报编号"] = "BG2026-0042", ["链接"] = "http://127.0.0.1/Applications/42" }, "/Applications/42");
            await notifier.NotifyAsync(DefaultTemplates.ApplicationSubmitted, [user], new Dictionary<string, string>
            {
                ["组织名称"] = "申报单位甲有限公司", ["年度"] = "2026", ["申报编号"] = "BG2026-0042", ["推荐单位"] = "北京市质量协会", ["链接"] = "http://127.0.0.1/Applications/42",
            }, "/Applications/42");
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

        var page = await app.SignedInPageAsync(applicant);
        await page.GotoAsync("/Notifications/Inbox", Nav.Goto);
        Assert.Equal("2", await page.Locator("nav .inbox-badge").InnerTextAsync());
        await app.ScreenshotAsync(page, "notifications-inbox");
        await page.GetByRole(AriaRole.Link, new() { Name = "资格审查通过：BG2026-0042" }).ClickAsync();
        Assert.Equal("1", await page.Locator("nav .inbox-badge").InnerTextAsync());
        await app.ScreenshotAsync(page, "notifications-message");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看详情" }).ClickAsync();
        Assert.EndsWith("/Applications/42", page.Url);

        await office.GotoAsync("/Notifications/Templates", Nav.Goto);
        await office.GetByRole(AriaRole.Link, new() { Name = "邮件发送记录" }).ClickAsync();
        Assert.Contains("待发送（2）", await office.Locator(".tabs").InnerTextAsync());
        await app.ScreenshotAsync(office, "notifications-outbox");
    }
}
