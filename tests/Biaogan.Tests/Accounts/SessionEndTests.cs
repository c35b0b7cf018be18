using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;

namespace Biaogan.Tests.Accounts;

/// <summary>The app re-checking every session's security stamp at each request (production: within a minute).</summary>
public sealed class SessionCheckAppFactory : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Security:SessionCheckSeconds", "0")];
}

/// <summary>Disabling, a new password and changed roles end the person's open sessions.</summary>
public class SessionEndTests(SessionCheckAppFactory app) : IClassFixture<SessionCheckAppFactory>
{
    [Fact]
    public async Task Disabling_an_account_ends_its_open_session()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var applicant = await Cast.ApplicantAsync(app, "停用会话测试有限公司");
        var session = await Cast.SignInAsync(app, applicant);
        Assert.Equal(HttpStatusCode.OK, (await session.NoRedirects.GetAsync("/Accounts/Manage")).StatusCode);

        var disabled = await (await office.ApiAsync()).PostAsync($"/api/users/{applicant.UserId}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await AssertSentToLoginAsync(session);
    }

    [Fact]
    public async Task A_role_change_ends_the_sessions_that_carry_the_old_roles()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var reviewer = await Cast.ReviewerAsync(app);
        var session = await Cast.SignInAsync(app, reviewer);
        Assert.Equal(HttpStatusCode.OK, (await session.NoRedirects.GetAsync("/Accounts/Manage")).StatusCode);

        var changed = await (await office.ApiAsync()).PutAsJsonAsync($"/api/users/{reviewer.UserId}/roles", new { roles = new[] { Roles.ReviewCommittee } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await AssertSentToLoginAsync(session);
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_opened_with_the_old_password()
    {
        var applicant = await Cast.ApplicantAsync(app, "重置密码会话测试有限公司");
        var session = await Cast.SignInAsync(app, applicant);
        await Cast.Anonymous(app).SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string?> { ["Input.Email"] = applicant.Email });
        var link = Messages.LinkIn(await Messages.LatestMailAsync(app, applicant.Email, DefaultTemplates.ResetPassword));
        var reset = await Cast.Anonymous(app).SubmitAsync(link, new Dictionary<string, string?>
        {
            ["Input.Password"] = "Changed2026pass", ["Input.ConfirmPassword"] = "Changed2026pass",
        });
        Assert.Contains("密码已重置", reset.Text);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await AssertSentToLoginAsync(session);
    }

    private static async Task AssertSentToLoginAsync(PageClient session)
    {
        var after = await session.NoRedirects.GetAsync("/Accounts/Manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.AbsolutePath);
    }
}
