using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;

namespace Biaogan.BrowserTests;

public class AccountsJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 180_000)]
    public async Task An_organisation_registers_in_Chromium_with_the_city_list_narrowed_to_its_province()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Register", Nav.Goto);
        var email = AccountsTestKit.NewEmail("browser");
        foreach (var (field, value) in AccountsTestKit.OrganizationRegistration("9111I000100010433L", email))
        {
            var id = "#" + field.Replace('.', '_');
            if (await page.Locator($"select{id}").CountAsync() > 0) await page.SelectOptionAsync(id, value ?? "");
            else await page.FillAsync(id, value ?? "");
        }
        Assert.NotNull(await page.Locator("#Org_CityCode optgroup[data-parent='11']").GetAttributeAsync("hidden"));
        Assert.Null(await page.Locator("#Org_CityCode optgroup[data-parent='33']").GetAttributeAsync("hidden"));
        await page.ClickAsync("button[type=submit].btn");
        Assert.Contains("第5位“I”不是统一社会信用代码允许的字符", await page.Locator(".alert-error").InnerTextAsync());
        Assert.Equal("3301", await page.InputValueAsync("#Org_CityCode"));
        await app.ScreenshotAsync(page, "register-malformed-code");

        await page.FillAsync("#Org_Uscc", Cast.NextUscc());
        await page.FillAsync("#Person_Password", AccountsTestKit.NewPassword);
        await page.FillAsync("#Person_ConfirmPassword", AccountsTestKit.NewPassword);
        await page.ClickAsync("button[type=submit].btn");
        await Nav.ToAsync(page, "**/Account/CheckEmail**");

        await page.GotoAsync(Messages.LinkIn(await Messages.LatestMailAsync(app, email, DefaultTemplates.ConfirmEmail)), Nav.Goto);
        await page.GotoAsync("/Account/Login", Nav.Goto);
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", AccountsTestKit.NewPassword);
        await page.ClickAsync("button[type=submit].btn");
        await page.GotoAsync("/Organizations/Profile", Nav.Goto);
        Assert.Equal("杭州标杆示范科技有限公司", await page.InputValueAsync("#Org_Name"));
        await app.ScreenshotAsync(page, "organization-profile");
    }

    [Fact(Timeout = 180_000)]
    public async Task New_office_staff_bind_an_authenticator_before_reaching_the_users_page()
    {
        var staff = await Cast.PersonAsync(app, "吴办公", Roles.Office, bindAuthenticator: false);
        await Cast.RecommenderAsync(app, "北京市质量协会（示例）");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login", Nav.Goto);
        await page.FillAsync("#Input_Email", staff.Email);
        await page.FillAsync("#Input_Password", staff.Password);
        await page.ClickAsync("button[type=submit].btn");
        await Nav.ToAsync(page, "**/Accounts/TwoFactorSetup**");
        await app.ScreenshotAsync(page, "two-factor-setup");

        var key = await page.InnerTextAsync("#shared-key");
        await page.FillAsync("#Input_Code", Cast.Totp(key, app.Clock.GetUtcNow()));
        await page.ClickAsync("button[type=submit].btn");
        Assert.Equal(10, await page.Locator(".recovery-codes li").CountAsync());
        await app.ScreenshotAsync(page, "two-factor-recovery-codes");

        await page.GotoAsync("/Accounts/Users", Nav.Goto);
        Assert.Contains(staff.Email, await page.Locator("table").InnerTextAsync());
        await app.ScreenshotAsync(page, "users");
        await page.GotoAsync("/Organizations/RecommendingBodies", Nav.Goto);
        await app.ScreenshotAsync(page, "recommending-bodies");
    }
}
