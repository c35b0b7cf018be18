using System.Net;
using System.Text.RegularExpressions;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;

namespace Biaogan.Tests.Accounts;

/// <summary>A TOTP code works once; unknown addresses are answered like real ones; returnUrl follows the framework's local-URL rule.</summary>
public partial class SignInHardeningTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_totp_code_is_accepted_once_and_the_repeat_is_refused_in_chinese()
    {
        var office = await Cast.OfficeAsync(app);
        await Cast.SignInAsync(app, office);

        var (second, step) = await Cast.LogInAsync(app, office.Email, office.Password);
        var replay = await second.SubmitAsync(step.Page, new Dictionary<string, string?> { ["Input.Code"] = office.TotpCode(app.Clock.GetUtcNow()) });
        Assert.Equal("/Account/LoginWith2fa", replay.Path);
        Assert.Contains(replay.Errors, e => e.Contains("该验证码已经使用过"));

        app.Clock.Advance(TimeSpan.FromSeconds(OneTimePassword.StepSeconds));
        var next = await second.SubmitAsync(replay.Page, new Dictionary<string, string?> { ["Input.Code"] = office.TotpCode(app.Clock.GetUtcNow()) });
        Assert.Equal("/Progress/Todo", next.Path); // signed in, on the to-do page
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answers_and_the_same_lockout_as_a_real_account()
    {
        var applicant = await Cast.ApplicantAsync(app, "锁定一致性测试有限公司");
        var unknownEmail = AccountsTestKit.NewEmail("ghost");
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var (_, known) = await Cast.LogInAsync(app, applicant.Email, "WrongPass2026x");
            var (_, unknown) = await Cast.LogInAsync(app, unknownEmail, "WrongPass2026x");
            Assert.Equal(known.Response.StatusCode, unknown.Response.StatusCode);
            Assert.Equal(Masked(known.Errors), Masked(unknown.Errors));
            if (attempt >= 5) Assert.Contains(unknown.Errors, e => e.Contains("已被暂时锁定"));
        }
    }

    [Fact]
    public async Task A_returnurl_with_a_tab_neither_fails_the_login_nor_leaves_the_site()
    {
        var applicant = await Cast.ApplicantAsync(app, "返回地址测试有限公司");
        var client = Cast.Anonymous(app);
        var result = await client.SubmitAsync("/Account/Login?returnUrl=%2F%09%2Fevil.example", new Dictionary<string, string?>
        {
            ["Input.Email"] = applicant.Email, ["Input.Password"] = applicant.Password,
        });
        Assert.Equal(HttpStatusCode.OK, result.Response.StatusCode);
        Assert.Equal("/Progress/Todo", result.Path); // signed in, on the to-do page
    }

    [Fact]
    public async Task The_two_factor_setup_page_never_continues_to_another_site()
    {
        var staff = await Cast.PersonAsync(app, "返回地址委员", Roles.ReviewCommittee, bindAuthenticator: false);
        var (client, _) = await Cast.LogInAsync(app, staff.Email, staff.Password);
        var setup = await client.GetAsync("/Accounts/TwoFactorSetup?returnUrl=%2F%09%2Fevil.example");
        var key = setup.QuerySelector("#shared-key")!.TextContent;
        var done = await client.SubmitAsync(setup, new Dictionary<string, string?> { ["Input.Code"] = Cast.Totp(key, app.Clock.GetUtcNow()) });
        Assert.Contains("两步验证已启用", done.Text);
        var next = done.Page.QuerySelectorAll("a.btn").Single(a => a.TextContent.Contains("继续"));
        Assert.Equal("/", next.GetAttribute("href"));
    }

    private static List<string> Masked(IEnumerable<string> errors) => errors.Select(e => ChinaTimeText().Replace(e, "…")).ToList();

    [GeneratedRegex(@"\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}")]
    private static partial Regex ChinaTimeText();
}
