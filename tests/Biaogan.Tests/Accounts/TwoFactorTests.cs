using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;

namespace Biaogan.Tests.Accounts;

public class TwoFactorTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Staff_without_two_factor_are_sent_to_the_setup_page_before_anything_else()
    {
        var staff = await Cast.PersonAsync(app, "新同事", Roles.Office, bindAuthenticator: false);
        var (client, login) = await Cast.LogInAsync(app, staff.Email, staff.Password);
        Assert.Equal("/Accounts/TwoFactorSetup", login.Path);

        var users = await client.Http.GetAsync("/Accounts/Users");
        Assert.Equal("/Accounts/TwoFactorSetup", users.RequestMessage!.RequestUri!.AbsolutePath);
        var api = await client.Http.GetAsync("/api/recommending-bodies");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.Http.GetAsync("/Account/Logout")).StatusCode);
    }

    [Fact]
    public async Task Binding_an_authenticator_enables_two_factor_and_shows_ten_recovery_codes()
    {
        var staff = await Cast.PersonAsync(app, "委员甲", Roles.ReviewCommittee, bindAuthenticator: false);
        var (client, setup) = await Cast.LogInAsync(app, staff.Email, staff.Password);
        Assert.NotNull(setup.Page.QuerySelector("svg"));
        var key = setup.Page.QuerySelector("#shared-key")!.TextContent;
        Assert.Matches(@"^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);

        var wrong = await client.SubmitAsync(setup.Page, new Dictionary<string, string?> { ["Input.Code"] = "12345" });
        Assert.Contains(wrong.Errors, e => e.Contains("6位数字"));
        var done = await client.SubmitAsync(wrong.Page, new Dictionary<string, string?>
        {
            ["Input.Code"] = Cast.Totp(key, app.Clock.GetUtcNow()),
        });
        var codes = done.Page.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Contains("两步验证已启用", done.Text);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.Http.GetAsync("/Accounts/Manage")).StatusCode);
        Assert.Contains(await AccountsTestKit.AuditOfAsync(app, staff.UserId), a => a.Action.StartsWith("启用两步验证"));

        // Next login asks for the code; a recovery code works once instead of it.
        var (second, step) = await Cast.LogInAsync(app, staff.Email, staff.Password);
        Assert.Equal("/Account/LoginWith2fa", step.Path);
        var recovered = await second.SubmitAsync(step.Page, new Dictionary<string, string?> { ["Input.Code"] = codes[0].ToLowerInvariant().Replace("-", "") });
        Assert.Equal("/Progress/Todo", recovered.Path); // signed in, on the to-do page
        Assert.Contains("还剩 9 个恢复码", recovered.Text);
        var (third, step3) = await Cast.LogInAsync(app, staff.Email, staff.Password);
        var reused = await third.SubmitAsync(step3.Page, new Dictionary<string, string?> { ["Input.Code"] = codes[0] });
        Assert.Contains(reused.Errors, e => e.Contains("恢复码不正确或已经使用过"));
    }

    [Fact]
    public async Task Applicants_are_not_forced_but_may_enable_two_factor()
    {
        var client = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "自愿两步验证有限公司"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.Http.GetAsync("/Organizations/Profile")).StatusCode);
        var manage = await client.GetAsync("/Accounts/Manage");
        Assert.Contains("未启用", PageClient.Text(manage));
        Assert.NotNull(manage.QuerySelector("a[href='/Accounts/TwoFactorSetup']"));
    }

    [Fact]
    public async Task Recovery_codes_can_be_regenerated_from_the_account_page()
    {
        var office = await Cast.OfficeAsync(app);
        var client = await Cast.SignInAsync(app, office);
        var result = await client.SubmitAsync("/Accounts/Manage", new Dictionary<string, string?>(), "form#recovery");
        Assert.Equal(10, result.Page.QuerySelectorAll(".recovery-codes li").Length);
        Assert.Contains(await AccountsTestKit.AuditOfAsync(app, office.UserId), a => a.Action == "重新生成两步验证恢复码");
    }

    [Fact]
    public async Task The_display_name_and_password_are_changed_on_the_account_page()
    {
        var reviewer = await Cast.ReviewerAsync(app);
        var client = await Cast.SignInAsync(app, reviewer);
        var named = await client.SubmitAsync("/Accounts/Manage", new Dictionary<string, string?> { ["Profile.DisplayName"] = "钱丁丁" }, "form#profile");
        Assert.Contains("钱丁丁", named.Page.QuerySelector(".userbox .username")!.TextContent);

        var wrong = await client.SubmitAsync("/Accounts/Manage", new Dictionary<string, string?>
        {
            ["ChangePassword.OldPassword"] = "NotMyPass2026", ["ChangePassword.NewPassword"] = "Another2026pass",
            ["ChangePassword.ConfirmPassword"] = "Another2026pass",
        }, "form#password");
        Assert.Contains(wrong.Errors, e => e.Contains("密码不正确"));
        await client.SubmitAsync("/Accounts/Manage", new Dictionary<string, string?>
        {
            ["ChangePassword.OldPassword"] = reviewer.Password, ["ChangePassword.NewPassword"] = "Another2026pass",
            ["ChangePassword.ConfirmPassword"] = "Another2026pass",
        }, "form#password");
        var (_, login) = await Cast.LogInAsync(app, reviewer.Email, "Another2026pass");
        Assert.Equal("/Progress/Todo", login.Path); // signed in, on the to-do page
    }
}
