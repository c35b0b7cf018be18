using AngleSharp.Dom;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;

namespace Biaogan.Tests.Accounts;

public class LoginTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_say_until_when_in_china_time()
    {
        var applicant = await Cast.ApplicantAsync(app, "锁定测试有限公司");
        FormResult? last = null;
        for (var i = 0; i < 5; i++) (_, last) = await Cast.LogInAsync(app, applicant.Email, "WrongPass2026x");
        Assert.Contains(last!.Errors, e => e.Contains("已被暂时锁定") && e.Contains("北京时间"));

        var (_, rightPassword) = await Cast.LogInAsync(app, applicant.Email, applicant.Password);
        Assert.Equal("/Account/Login", rightPassword.Path);
        Assert.Contains(rightPassword.Errors, e => e.Contains("已被暂时锁定"));
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_telling_whether_the_address_exists()
    {
        var applicant = await Cast.ApplicantAsync(app, "密码错误测试有限公司");
        var (_, wrong) = await Cast.LogInAsync(app, applicant.Email, "WrongPass2026x");
        var (_, unknown) = await Cast.LogInAsync(app, "nobody@example.cn", "WrongPass2026x");
        Assert.Equal(wrong.Errors, unknown.Errors);
        Assert.Contains("电子邮箱或密码不正确", wrong.Errors.Single());
    }

    [Fact]
    public async Task Staff_sign_in_with_a_totp_code_after_the_password()
    {
        var office = await Cast.OfficeAsync(app);
        var (client, afterPassword) = await Cast.LogInAsync(app, office.Email, office.Password);
        Assert.Equal("/Account/LoginWith2fa", afterPassword.Path);

        var wrong = await client.SubmitAsync(afterPassword.Page, new Dictionary<string, string?> { ["Input.Code"] = "000000" == office.TotpCode(app.Clock.GetUtcNow()) ? "111111" : "000000" });
        Assert.Contains(wrong.Errors, e => e.Contains("验证码不正确"));

        var ok = await client.SubmitAsync(wrong.Page, new Dictionary<string, string?> { ["Input.Code"] = office.TotpCode(app.Clock.GetUtcNow()) });
        Assert.Equal("/Progress/Todo", ok.Path); // signed in: the to-do page
        var users = await client.GetAsync("/Accounts/Users");
        Assert.Contains(office.Email, PageClient.Text(users));
        Assert.Contains("赵丙", users.QuerySelector(".userbox .username")!.TextContent);
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var client = await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));
        await client.GetAsync("/Accounts/Manage");
        var home = await client.GetAsync("/");
        var result = await client.SubmitAsync(home, new Dictionary<string, string?>(), "form[action='/Account/Logout']");
        Assert.Equal("/", result.Path);
        var again = await client.Http.GetAsync("/Accounts/Manage");
        Assert.Equal("/Account/Login", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_disabled_account_cannot_log_in_until_the_office_enables_it()
    {
        var reviewer = await Cast.ReviewerAsync(app);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var disabled = await office.SubmitAsync($"/Accounts/Users?q={reviewer.Email}", new Dictionary<string, string?>(), "form[action*='handler=Disable']");
        Assert.Contains("已停用", disabled.Text);
        var (_, refused) = await Cast.LogInAsync(app, reviewer.Email, reviewer.Password);
        Assert.Contains(refused.Errors, e => e.Contains("账号已被停用"));

        await office.SubmitAsync($"/Accounts/Users?q={reviewer.Email}", new Dictionary<string, string?>(), "form[action*='handler=Enable']");
        var (_, allowed) = await Cast.LogInAsync(app, reviewer.Email, reviewer.Password);
        Assert.Equal("/Progress/Todo", allowed.Path);

        var audit = await AccountsTestKit.AuditOfAsync(app, reviewer.UserId);
        Assert.Contains(audit, a => a.Action == "停用账号" && a.ActorName == "赵丙");
        Assert.Contains(audit, a => a.Action == "恢复启用账号");
    }

    [Fact]
    public async Task The_office_cannot_disable_an_administrator_nor_itself()
    {
        var admin = await Cast.AdminAsync(app);
        var officePersona = await Cast.OfficeAsync(app);
        var office = await Cast.SignInAsync(app, officePersona);
        var page = await office.GetAsync($"/Accounts/Users?q={admin.Email}");
        Assert.Null(page.QuerySelector("form[action*='handler=Disable']"));
        Assert.Null((await office.GetAsync($"/Accounts/Users?q={officePersona.Email}")).QuerySelector("form[action*='handler=Disable']"));

        // Posting anyway (a crafted request) is refused by the handler itself.
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var response = await office.Http.PostAsync($"/Accounts/Users?handler=Disable&id={admin.UserId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var result = new FormResult(response, await PageClient.ParseAsync(response));
        Assert.Contains(result.Errors, e => e.Contains("只有系统管理员可以停用"));
    }
}
