using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Accounts;

/// <summary>/api/users: what the Users and Invite pages do, as JSON, for the office and administrators only.</summary>
public class UsersApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_office_lists_invites_resends_disables_enables_changes_roles_and_resets_two_factor()
    {
        var api = await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();
        var applicant = await Cast.ApplicantAsync(app, "人员接口测试有限公司");
        var reviewer = await Cast.ReviewerAsync(app);

        var list = await api.GetFromJsonAsync<JsonElement>($"/api/users?q={Uri.EscapeDataString(applicant.Email)}");
        var row = list.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(applicant.UserId, row.GetProperty("id").GetString());
        Assert.Equal("Active", row.GetProperty("state").GetString());

        var email = AccountsTestKit.NewEmail("invitee");
        var invited = await api.PostAsJsonAsync("/api/users/invitations", new { name = "李评审", email, roles = new[] { Roles.Reviewer } });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var invitedId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await Messages.LatestMailAsync(app, email, DefaultTemplates.Invitation);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/users/{invitedId}/invitation", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/users/{applicant.UserId}/disable", null)).StatusCode);
        Assert.Equal("Disabled", await StateAsync(api, applicant.Email));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/users/{applicant.UserId}/enable", null)).StatusCode);
        Assert.Equal("Active", await StateAsync(api, applicant.Email));

        var roles = await api.PutAsJsonAsync($"/api/users/{reviewer.UserId}/roles", new { roles = new[] { Roles.Reviewer, Roles.ReviewCommittee } });
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        // Reviewers need no authenticator; a committee member who lost theirs has it reset.
        var member = await Cast.PersonAsync(app, "丢失验证器委员", Roles.ReviewCommittee);
        var reset = await api.PostAsync($"/api/users/{member.UserId}/two-factor/reset", null);
        Assert.True(reset.StatusCode == HttpStatusCode.OK, await reset.Content.ReadAsStringAsync());
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var stored = (await users.FindByIdAsync(reviewer.UserId))!;
            Assert.Equal([Roles.ReviewCommittee, Roles.Reviewer], (await users.GetRolesAsync(stored)).Order());
            Assert.False((await users.FindByIdAsync(member.UserId))!.TwoFactorEnabled);
        });
        Assert.Contains(await AccountsTestKit.AuditOfAsync(app, member.UserId), a => a.Action == "重置两步验证");
    }

    [Fact]
    public async Task Other_roles_are_refused_with_403()
    {
        var target = await Cast.ApplicantAsync(app, "无权调用测试有限公司");
        foreach (var who in new[] { await Cast.ApplicantAsync(app, "无权调用甲有限公司"), await Cast.ReviewerAsync(app) })
        {
            var api = await (await Cast.SignInAsync(app, who)).ApiAsync();
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/users")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/users/{target.UserId}/disable", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Cast.Anonymous(app).NoRedirects.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_chinese_messages_per_field_and_broken_rules_a_422()
    {
        var office = await Cast.OfficeAsync(app);
        var api = await (await Cast.SignInAsync(app, office)).ApiAsync();

        var invite = await api.PostAsJsonAsync("/api/users/invitations", new { name = "", email = "not-an-address", roles = new[] { "Applicant" } });
        Assert.Equal(HttpStatusCode.BadRequest, invite.StatusCode);
        var errors = (await invite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("请填写被邀请人的姓名", errors.GetProperty("name")[0].GetString());
        Assert.Contains("电子邮箱格式不正确", errors.GetProperty("email")[0].GetString());
        Assert.Contains("不能由活动办公室授予", errors.GetProperty("roles")[0].GetString());

        var noRoles = await api.PutAsJsonAsync($"/api/users/{office.UserId}/roles", new { roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, noRoles.StatusCode);
        Assert.Contains("请至少选择一个角色", await noRoles.Content.ReadAsStringAsync());

        var self = await api.PostAsync($"/api/users/{office.UserId}/disable", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        Assert.Contains("不能停用自己的账号", await self.Content.ReadAsStringAsync());
    }

    private static async Task<string?> StateAsync(HttpClient api, string email) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/users?q={Uri.EscapeDataString(email)}"))
            .GetProperty("items").EnumerateArray().Single().GetProperty("state").GetString();
}
