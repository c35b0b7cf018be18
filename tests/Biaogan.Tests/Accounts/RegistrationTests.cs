using AngleSharp.Dom;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Accounts;

public class RegistrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_organisation_registers_confirms_its_email_and_logs_in()
    {
        var code = Cast.NextUscc();
        var email = AccountsTestKit.NewEmail("reg");
        var result = await Cast.Anonymous(app).SubmitAsync("/Account/Register",
            AccountsTestKit.OrganizationRegistration(code.ToLowerInvariant(), email));
        Assert.Equal("/Account/CheckEmail", result.Path);
        Assert.Contains(email, result.Text);

        var org = await app.WithDbAsync(db => db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Uscc == code));
        Assert.Equal("杭州标杆示范科技有限公司", org.Name);
        Assert.Equal(("33", "3301", "I", "65"), (org.ProvinceCode, org.CityCode, org.IndustrySection, org.IndustryDivision));
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(org.Id, user.OrganizationId);
        Assert.False(user.EmailConfirmed);

        var (_, beforeConfirming) = await Cast.LogInAsync(app, email, AccountsTestKit.NewPassword);
        Assert.Contains("尚未确认", beforeConfirming.Text);
        Assert.NotNull(beforeConfirming.Page.QuerySelector("a[href*='/Account/ResendConfirmation']"));

        var mail = await Messages.LatestMailAsync(app, email, DefaultTemplates.ConfirmEmail);
        Assert.Contains("杭州标杆示范科技有限公司", mail.Body);
        var link = Messages.LinkIn(mail);
        Assert.StartsWith("http://localhost/Account/ConfirmEmail?", link);
        var confirmed = await Cast.Anonymous(app).GetAsync(link);
        Assert.Contains("已确认", PageClient.Text(confirmed));

        var (client, loggedIn) = await Cast.LogInAsync(app, email, AccountsTestKit.NewPassword);
        Assert.Equal("/Progress/Todo", loggedIn.Path); // signed in, on the to-do page
        var profile = await client.GetAsync("/Organizations/Profile");
        Assert.Equal(code, profile.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Org_Uscc")!.Value);
        Assert.Contains("周丽", PageClient.Text(profile));
    }

    [Fact]
    public async Task A_second_registration_with_the_same_code_is_refused_and_told_to_ask_for_an_invitation()
    {
        var code = Cast.NextUscc();
        await Cast.Anonymous(app).SubmitAsync("/Account/Register", AccountsTestKit.OrganizationRegistration(code, AccountsTestKit.NewEmail("first")));
        var second = AccountsTestKit.NewEmail("second");
        var result = await Cast.Anonymous(app).SubmitAsync("/Account/Register", AccountsTestKit.OrganizationRegistration(code, second, "另一家公司"));
        Assert.Equal("/Account/Register", result.Path);
        Assert.Contains(result.Errors, e => e.Contains($"统一社会信用代码 {code} 已经注册过账号") && e.Contains("邀请您加入"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == second)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Organization>().CountAsync(o => o.Uscc == code)));
    }

    [Fact]
    public async Task A_malformed_code_is_explained_and_everything_typed_is_kept()
    {
        var email = AccountsTestKit.NewEmail("typo");
        var form = AccountsTestKit.OrganizationRegistration("9111I000100010433L", email);
        var result = await Cast.Anonymous(app).SubmitAsync("/Account/Register", form);
        Assert.Contains("第5位“I”不是统一社会信用代码允许的字符", string.Join("|", result.Errors));
        var page = result.Page;
        string? Value(string id) => page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#" + id)?.Value;
        string? Selected(string id) => page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#" + id)?.Value;
        Assert.Equal("杭州标杆示范科技有限公司", Value("Org_Name"));
        Assert.Equal("9111I000100010433L", Value("Org_Uscc"));
        Assert.Equal("浙江省杭州市西湖区文三路100号", Value("Org_Address"));
        Assert.Equal("850", Value("Org_Employees"));
        Assert.Equal("123456.78", Value("Org_AnnualRevenue"));
        Assert.Equal("陈明", Value("Org_LegalRepresentative"));
        Assert.Equal("0571-88886666", Value("Org_ContactPhone"));
        Assert.Equal(("33", "3301", "I", "65", "有限责任公司"),
            (Selected("Org_ProvinceCode"), Selected("Org_CityCode"), Selected("Org_IndustrySection"), Selected("Org_IndustryDivision"), Selected("Org_Ownership")));
        Assert.Equal("周丽", Value("Person_Name"));
        Assert.Equal(email, Value("Person_Email"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_city_of_another_province_is_refused_without_javascript()
    {
        var form = AccountsTestKit.OrganizationRegistration(Cast.NextUscc(), AccountsTestKit.NewEmail("city"));
        form["Org.CityCode"] = "1101";
        form["Org.IndustryDivision"] = "13";
        var result = await Cast.Anonymous(app).SubmitAsync("/Account/Register", form);
        Assert.Contains(result.Errors, e => e.Contains("所选城市“北京市”不属于浙江省"));
        Assert.Contains(result.Errors, e => e.Contains("不属于门类“I 信息传输、软件和信息技术服务业”"));
    }

    [Fact]
    public async Task A_recommending_body_registers_pending_and_the_office_approves_it()
    {
        var email = AccountsTestKit.NewEmail("body");
        var result = await Cast.Anonymous(app).SubmitAsync("/Account/Register?kind=recommender", new Dictionary<string, string?>
        {
            ["Body.Name"] = "浙江省质量协会（测试）", ["Body.Kind"] = nameof(RecommendingBodyKind.RegionalAssociation),
            ["Body.ProvinceCode"] = "33", ["Body.IndustrySection"] = "", ["Body.ContactName"] = "吴强",
            ["Body.ContactPhone"] = "0571-87654321", ["Body.ContactEmail"] = "wuqiang@example.cn",
            ["Person.Name"] = "吴强", ["Person.Email"] = email,
            ["Person.Password"] = AccountsTestKit.NewPassword, ["Person.ConfirmPassword"] = AccountsTestKit.NewPassword,
        });
        Assert.Equal("/Account/CheckEmail", result.Path);
        var body = await app.WithDbAsync(db => db.Set<RecommendingBody>().AsNoTracking().SingleAsync(b => b.Name == "浙江省质量协会（测试）"));
        Assert.Equal(RecommendingBodyStatus.Pending, body.Status);
        var mail = await Messages.LatestMailAsync(app, email, DefaultTemplates.ConfirmEmail);
        await Cast.Anonymous(app).GetAsync(Messages.LinkIn(mail));

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var approved = await office.SubmitAsync("/Organizations/RecommendingBodies", new Dictionary<string, string?>(), $"#body-{body.Id} form.approve");
        Assert.Contains("已通过", approved.Text);
        body = await app.WithDbAsync(db => db.Set<RecommendingBody>().AsNoTracking().SingleAsync(b => b.Id == body.Id));
        Assert.Equal(RecommendingBodyStatus.Approved, body.Status);
        var notice = await Messages.LatestMailAsync(app, email, DefaultTemplates.RecommenderApproved);
        Assert.Contains("浙江省质量协会（测试）", notice.Body);

        var (client, _) = await Cast.LogInAsync(app, email, AccountsTestKit.NewPassword);
        Assert.Contains("已通过", PageClient.Text(await client.GetAsync("/Organizations/Body")));
    }

    [Fact]
    public async Task The_office_must_give_a_reason_to_reject_a_recommending_body()
    {
        var body = new RecommendingBody
        {
            Name = "某行业协会（待审）", Kind = RecommendingBodyKind.IndustryAssociation, IndustrySection = "C",
            ContactName = "郑红", ContactPhone = "010-12345678", ContactEmail = "z@example.cn", CreatedAt = app.Clock.GetUtcNow(),
        };
        await app.WithDbAsync(async db => { db.Add(body); await db.SaveChangesAsync(); });
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var blank = await office.SubmitAsync("/Organizations/RecommendingBodies", new Dictionary<string, string?> { ["reason"] = "" }, $"#body-{body.Id} form.reject");
        Assert.Contains(blank.Errors, e => e.Contains("请填写不予通过的理由"));
        await office.SubmitAsync("/Organizations/RecommendingBodies", new Dictionary<string, string?> { ["reason"] = "非质量相关组织" }, $"#body-{body.Id} form.reject");
        var saved = await app.WithDbAsync(db => db.Set<RecommendingBody>().AsNoTracking().SingleAsync(b => b.Id == body.Id));
        Assert.Equal((RecommendingBodyStatus.Rejected, "非质量相关组织"), (saved.Status, saved.RejectionReason));
    }

    [Fact]
    public async Task Forgotten_passwords_are_reset_through_the_mailed_link()
    {
        var applicant = await Cast.ApplicantAsync(app, "找回密码测试有限公司");
        await Cast.Anonymous(app).SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string?> { ["Input.Email"] = applicant.Email });
        var link = Messages.LinkIn(await Messages.LatestMailAsync(app, applicant.Email, DefaultTemplates.ResetPassword));
        var client = Cast.Anonymous(app);
        var reset = await client.SubmitAsync(link, new Dictionary<string, string?>
        {
            ["Input.Password"] = "Changed2026pass", ["Input.ConfirmPassword"] = "Changed2026pass",
        });
        Assert.Equal("/Account/Login", reset.Path);
        Assert.Contains("密码已重置", reset.Text);
        var (_, login) = await Cast.LogInAsync(app, applicant.Email, "Changed2026pass");
        Assert.Equal("/Progress/Todo", login.Path); // signed in, on the to-do page
    }

    [Fact]
    public async Task Asking_for_a_reset_of_an_unknown_address_reveals_nothing()
    {
        var result = await Cast.Anonymous(app).SubmitAsync("/Account/ForgotPassword",
            new Dictionary<string, string?> { ["Input.Email"] = "nobody@example.cn" });
        Assert.Contains("如果该邮箱已注册", result.Text);
        Assert.False(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.ToAddress == "nobody@example.cn")));
    }
}
