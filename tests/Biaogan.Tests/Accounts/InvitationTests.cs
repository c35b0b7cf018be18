using AngleSharp.Dom;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Accounts;

public class InvitationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_office_invites_a_reviewer_who_sets_a_password_and_logs_in()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var email = AccountsTestKit.NewEmail("reviewer");
        var sent = await office.SubmitAsync("/Accounts/Invite", new Dictionary<string, string?>
        {
            ["Input.Name"] = "孙评审", ["Input.Email"] = email, ["Input.Roles"] = Roles.Reviewer,
        });
        Assert.Equal("/Accounts/Users", sent.Path);
        Assert.Contains("已向", sent.Text);
        Assert.Contains("已邀请，待激活", sent.Text);

        var mail = await Messages.LatestMailAsync(app, email, DefaultTemplates.Invitation);
        Assert.Contains("评审员", mail.Subject);
        var link = Messages.LinkIn(mail);
        var (_, early) = await Cast.LogInAsync(app, email, AccountsTestKit.NewPassword);
        Assert.Equal("/Account/Login", early.Path);

        var invited = Cast.Anonymous(app);
        var page = await invited.GetAsync(link);
        Assert.Contains(email, PageClient.Text(page));
        var accepted = await invited.SubmitAsync(page, new Dictionary<string, string?>
        {
            ["Input.Name"] = "孙评审员", ["Password.Password"] = AccountsTestKit.NewPassword,
            ["Password.ConfirmPassword"] = AccountsTestKit.NewPassword,
        });
        Assert.Equal("/Progress/Todo", accepted.Path); // signed in, on the to-do page
        Assert.Contains("账号已激活", accepted.Text);

        var again = await Cast.Anonymous(app).GetAsync(link);
        Assert.Contains("该邀请已经接受", PageClient.Text(again));
        var (_, login) = await Cast.LogInAsync(app, email, AccountsTestKit.NewPassword);
        Assert.Equal("/Progress/Todo", login.Path); // signed in, on the to-do page

        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.True(user.EmailConfirmed);
        Assert.Equal("孙评审员", user.DisplayName);
        var audit = await AccountsTestKit.AuditOfAsync(app, user.Id);
        Assert.Contains(audit, a => a.Action.StartsWith("发出邀请") && a.ActorName == "赵丙");
        Assert.Contains(audit, a => a.Action == "授予角色：评审员");
        Assert.Contains(audit, a => a.Action == "接受邀请并激活账号");
    }

    [Fact]
    public async Task Only_an_administrator_may_invite_office_staff()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var form = await office.GetAsync("/Accounts/Invite");
        Assert.Null(form.QuerySelector($"input[value='{Roles.Office}']"));
        var refused = await office.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Name"] = "越权", ["Input.Email"] = AccountsTestKit.NewEmail("x"), ["Input.Roles"] = Roles.Office,
        });
        Assert.Contains(refused.Errors, e => e.Contains("只有系统管理员可以邀请"));

        var admin = await Cast.SignInAsync(app, await Cast.AdminAsync(app));
        var email = AccountsTestKit.NewEmail("staff");
        var ok = await admin.SubmitAsync("/Accounts/Invite", new Dictionary<string, string?>
        {
            ["Input.Name"] = "新办公室", ["Input.Email"] = email, ["Input.Roles"] = Roles.Office,
        });
        Assert.Equal("/Accounts/Users", ok.Path);
        var roles = await app.WithDbAsync(async db =>
            await (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
                   where u.Email == email select r.Name).ToListAsync());
        Assert.Equal([Roles.Office], roles);
    }

    [Fact]
    public async Task Inviting_an_address_that_already_has_an_account_is_refused()
    {
        var reviewer = await Cast.ReviewerAsync(app);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var result = await office.SubmitAsync("/Accounts/Invite", new Dictionary<string, string?>
        {
            ["Input.Name"] = "重复", ["Input.Email"] = reviewer.Email, ["Input.Roles"] = Roles.Reviewer,
        });
        Assert.Contains(result.Errors, e => e.Contains("已有账号"));
        Assert.Equal("重复", result.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
    }

    [Fact]
    public async Task The_office_can_resend_an_invitation_that_was_not_accepted()
    {
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var email = AccountsTestKit.NewEmail("resend");
        await office.SubmitAsync("/Accounts/Invite", new Dictionary<string, string?>
        {
            ["Input.Name"] = "周委员", ["Input.Email"] = email, ["Input.Roles"] = Roles.ApprovalCommittee,
        });
        var resent = await office.SubmitAsync($"/Accounts/Users?q={email}", new Dictionary<string, string?>(), "form[action*='handler=Resend']");
        Assert.Contains("已重新向", resent.Text);
        var count = await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.ToAddress == email && m.TemplateKey == DefaultTemplates.Invitation));
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task Invitation_tokens_have_their_own_provider_valid_for_seven_days()
    {
        // Identity's data-protection tokens read the machine clock, so the lifespan is checked as configured.
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<InvitationTokenProviderOptions>>().Value;
        Assert.Equal((Invitations.TokenProvider, TimeSpan.FromDays(7)), (options.Name, options.TokenLifespan));
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var email = AccountsTestKit.NewEmail("token");
            var user = new AppUser { UserName = email, Email = email, DisplayName = "令牌", CreatedAt = app.Clock.GetUtcNow() };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            var token = await users.GenerateUserTokenAsync(user, Invitations.TokenProvider, Invitations.Purpose);
            Assert.True(await sp.GetRequiredService<Invitations>().IsValidAsync(user, token));
            Assert.False(await users.VerifyUserTokenAsync(user, Invitations.TokenProvider, "ResetPassword", token));
            Assert.False(await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, Invitations.Purpose, token));
        });
    }
}
