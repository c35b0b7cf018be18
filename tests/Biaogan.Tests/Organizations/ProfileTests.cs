using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Organizations;

public class ProfileTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_organisations_users_edit_its_profile()
    {
        var applicant = await Cast.ApplicantAsync(app, "资料修改测试有限公司");
        var client = await Cast.SignInAsync(app, applicant);
        var result = await client.SubmitAsync("/Organizations/Profile", new Dictionary<string, string?>
        {
            ["Org.Name"] = "资料修改测试股份有限公司", ["Org.Employees"] = "1300", ["Org.Ownership"] = "股份有限公司",
        }, "form#profile");
        Assert.Contains("组织信息已保存", result.Text);
        var org = await app.WithDbAsync(db => db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Id == applicant.OrganizationId));
        Assert.Equal(("资料修改测试股份有限公司", 1300, "股份有限公司"), (org.Name, org.Employees, org.Ownership));
    }

    [Fact]
    public async Task Changing_the_code_to_one_of_another_organisation_or_to_a_malformed_one_is_refused()
    {
        var other = await Cast.ApplicantAsync(app, "另一家有限公司");
        var otherCode = await app.WithDbAsync(db => db.Set<Organization>().Where(o => o.Id == other.OrganizationId).Select(o => o.Uscc).SingleAsync());
        var client = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "改代码有限公司"));
        var taken = await client.SubmitAsync("/Organizations/Profile", new Dictionary<string, string?> { ["Org.Uscc"] = otherCode }, "form#profile");
        Assert.Contains(taken.Errors, e => e.Contains("已被其他组织注册"));
        var typo = await client.SubmitAsync("/Organizations/Profile", new Dictionary<string, string?> { ["Org.Uscc"] = "91110000100010433" }, "form#profile");
        Assert.Contains(typo.Errors, e => e.Contains("您输入了17位"));
    }

    [Fact]
    public async Task Two_people_saving_the_same_profile_are_told_of_the_conflict_and_keep_their_input()
    {
        var applicant = await Cast.ApplicantAsync(app, "并发修改有限公司");
        var first = await Cast.SignInAsync(app, applicant);
        var second = await Cast.SignInAsync(app, applicant);
        var firstPage = await first.GetAsync("/Organizations/Profile");
        var secondPage = await second.GetAsync("/Organizations/Profile");
        await first.SubmitAsync(firstPage, new Dictionary<string, string?> { ["Org.Address"] = "北京市海淀区新地址1号" }, "form#profile");
        var conflict = await second.SubmitAsync(secondPage, new Dictionary<string, string?> { ["Org.Address"] = "北京市朝阳区另一地址2号" }, "form#profile");
        Assert.Contains(conflict.Errors, e => e.Contains("已被他人修改"));
        Assert.Equal("北京市朝阳区另一地址2号", conflict.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Org_Address")!.Value);
        var saved = await app.WithDbAsync(db => db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Id == applicant.OrganizationId));
        Assert.Equal("北京市海淀区新地址1号", saved.Address);
    }

    [Fact]
    public async Task An_applicant_invites_a_colleague_into_the_same_organisation()
    {
        var applicant = await Cast.ApplicantAsync(app, "邀请同事有限公司");
        var client = await Cast.SignInAsync(app, applicant);
        var email = AccountsTestKit.NewEmail("colleague");
        var sent = await client.SubmitAsync("/Organizations/Profile", new Dictionary<string, string?>
        {
            ["Colleague.Name"] = "王同事", ["Colleague.Email"] = email,
        }, "form#invite");
        Assert.Contains("已向", sent.Text);
        Assert.Contains("已邀请，待激活", sent.Text);

        var mail = await Messages.LatestMailAsync(app, email, DefaultTemplates.Invitation);
        Assert.Contains("邀请同事有限公司", mail.Body);
        var colleague = Cast.Anonymous(app);
        await colleague.SubmitAsync(Messages.LinkIn(mail), new Dictionary<string, string?>
        {
            ["Password.Password"] = AccountsTestKit.NewPassword, ["Password.ConfirmPassword"] = AccountsTestKit.NewPassword,
        });
        var profile = await colleague.GetAsync("/Organizations/Profile");
        Assert.Equal("邀请同事有限公司", profile.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Org_Name")!.Value);
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal((applicant.OrganizationId, "王同事"), (user.OrganizationId, user.DisplayName));
    }

    [Fact]
    public async Task A_recommending_bodys_user_invites_a_colleague_into_the_same_body()
    {
        var recommender = await Cast.RecommenderAsync(app, "推荐单位邀请测试协会");
        var client = await Cast.SignInAsync(app, recommender);
        var email = AccountsTestKit.NewEmail("bodymate");
        await client.SubmitAsync("/Organizations/Body", new Dictionary<string, string?>
        {
            ["Colleague.Name"] = "刘同事", ["Colleague.Email"] = email,
        }, "form#invite");
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(recommender.RecommendingBodyId, user.RecommendingBodyId);
        var roles = await app.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                                 where ur.UserId == user.Id select r.Name).ToListAsync());
        Assert.Equal([Roles.Recommender], roles);
    }

    [Fact]
    public async Task The_api_returns_the_callers_organisation_and_the_approved_bodies()
    {
        var applicant = await Cast.ApplicantAsync(app, "接口测试有限公司");
        await Cast.RecommenderAsync(app, "接口测试推荐单位（已审核）");
        await app.WithDbAsync(async db =>
        {
            db.Add(new RecommendingBody { Name = "接口测试推荐单位（待审核）", Kind = RecommendingBodyKind.QualityAuthority,
                ContactName = "甲", ContactPhone = "010-11112222", ContactEmail = "a@example.cn", CreatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        var client = await Cast.SignInAsync(app, applicant);
        var me = await client.Http.GetFromJsonAsync<JsonElement>("/api/organizations/me");
        Assert.Equal("接口测试有限公司", me.GetProperty("name").GetString());
        Assert.Equal("北京市", me.GetProperty("region").GetString());
        var bodies = await client.Http.GetFromJsonAsync<JsonElement>("/api/recommending-bodies");
        var names = bodies.EnumerateArray().Select(b => b.GetProperty("name").GetString()).ToList();
        Assert.Contains("接口测试推荐单位（已审核）", names);
        Assert.DoesNotContain("接口测试推荐单位（待审核）", names);

        var reviewer = await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.Http.GetAsync("/api/organizations/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Cast.Anonymous(app).Http.GetAsync("/api/organizations/me")).StatusCode);
    }
}
