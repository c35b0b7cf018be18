using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Api;

/// <summary>
/// /api/notices, /api/objections and /api/approval: the office's 公示 from the finalised list, an objection investigated with
/// the organisation's reply (never who objected) and dismissed, then the 审定 round — votes, decisions, finalising — over JSON.
/// </summary>
public class NoticeAndApprovalApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static int Version(JsonElement e) => e.GetProperty("version").GetInt32();

    [Fact]
    public async Task The_office_publishes_the_notice_handles_an_objection_and_runs_the_approval_round_over_the_api()
    {
        var ids = await PublicNoticeKit.RecommendedAsync(app, ("接口公示甲电器有限公司", AwardCategory.Enterprise), ("接口公示乙食品有限公司", AwardCategory.Enterprise));
        var office = await (await PublicNoticeKit.OfficeAsync(app)).ApiAsync();

        var draft = await JsonAsync(await office.PostAsync("/api/notices/current", null), HttpStatusCode.Created);
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(2, draft.GetProperty("entries").GetArrayLength());
        var saved = await JsonAsync(await office.PutAsJsonAsync("/api/notices/current", new
        {
            startDate = "2026-11-27", postalAddress = "北京市海淀区增光路33号 中国质量协会用户工作部（100048）", phone = "010-68418800",
            email = "biaogan@caq.org.cn", entries = new[] { new { applicationId = ids[0], description = "家用电器制造与服务" } }, version = Version(draft),
        }));
        Assert.Equal("2026-11-27", saved.GetProperty("startDate").GetString());
        Assert.Equal(JsonValueKind.String, saved.GetProperty("objectionDeadline").ValueKind);
        var published = await JsonAsync(await office.PostAsJsonAsync("/api/notices/current/publish", new { acceptUnconfirmed = false, version = Version(saved) }));
        Assert.Equal("Published", published.GetProperty("status").GetString());

        await PublicNoticeKit.ObjectAsync(app, Cast.Anonymous(app), published.GetProperty("id").GetGuid(), ids[1], name: "陈建华", phone: "13812345678");
        var objection = (await JsonAsync(await office.GetAsync("/api/notices/current/objections"))).EnumerateArray().Single();
        Assert.Equal("陈建华", objection.GetProperty("objectorName").GetString());
        var id = objection.GetProperty("id").GetGuid();

        // 审定 cannot start during the notice
        var state = await JsonAsync(await office.GetAsync("/api/approval"));
        Assert.Contains("公示期尚未结束", state.GetProperty("blocker").GetString());
        var early = await JsonAsync(await office.PostAsync("/api/approval/start", null), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("公示期尚未结束", early.GetProperty("detail").GetString());

        var noted = await JsonAsync(await office.PostAsJsonAsync($"/api/objections/{id}/notes", new { note = "已电话联系异议人核实投诉事件的时间和地点。", version = Version(objection) }));
        Assert.Single(noted.GetProperty("notes").EnumerateArray());
        var asked = await JsonAsync(await office.PostAsJsonAsync($"/api/objections/{id}/reply-request", new { version = Version(noted) }));
        Assert.Equal(JsonValueKind.String, asked.GetProperty("replyDue").ValueKind);

        // the organisation concerned reads the grounds and replies — without ever seeing who objected; others learn nothing
        var orgId = await app.WithDbAsync(db => db.Set<Application>().Where(a => a.Id == ids[1]).Select(a => a.OrganizationId).SingleAsync());
        var org = await (await Cast.SignInAsync(app, await Cast.PersonAsync(app, "接口乙联系人", Roles.Applicant, organizationId: orgId))).ApiAsync();
        var grounds = await org.GetAsync($"/api/objections/{id}/reply");
        var text = await grounds.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, grounds.StatusCode);
        Assert.Contains("用户集体投诉", text);
        foreach (var secret in new[] { "陈建华", "13812345678", "123X", "chen@example.cn" }) Assert.DoesNotContain(secret, text);
        var replied = await JsonAsync(await org.PostAsJsonAsync($"/api/objections/{id}/reply",
            new { answer = "该投诉已于2025年妥善处理，附处理记录。", version = JsonDocument.Parse(text).RootElement.GetProperty("version").GetInt32() }));
        Assert.Equal("该投诉已于2025年妥善处理，附处理记录。", replied.GetProperty("reply").GetString());
        var stranger = await (await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "接口无关组织有限公司"))).ApiAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/objections/{id}/reply")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/objections/{id}/reply", new { answer = "无关", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await org.PostAsJsonAsync($"/api/objections/{id}/notes", new { note = "越权", version = 1 })).StatusCode);

        // after the deadline: a bad conclusion is refused in Chinese, then the objection is dismissed and 审定 may start
        PublicNoticeKit.SetChinaTime(app, 2026, 12, 8, 9, 0);
        office = await (await PublicNoticeKit.OfficeAsync(app)).ApiAsync();
        var current = await JsonAsync(await office.GetAsync($"/api/objections/{id}"));
        var bad = await JsonAsync(await office.PostAsJsonAsync($"/api/objections/{id}/conclusion", new { conclusion = "Maybe", version = Version(current) }),
            HttpStatusCode.BadRequest);
        Assert.Contains("conclusion 应为", bad.GetProperty("detail").GetString());
        var concluded = await JsonAsync(await office.PostAsJsonAsync($"/api/objections/{id}/conclusion", new
        {
            conclusion = "Dismissed", finding = "经调阅12345热线记录，该投诉已于2025年依法处理完毕。", reason = "异议所述事项已妥善处理，不影响推荐。",
            version = Version(current),
        }));
        Assert.Equal("Concluded", concluded.GetProperty("status").GetString());

        var round = await JsonAsync(await office.PostAsync("/api/approval/start", null));
        Assert.Equal(2, round.GetProperty("items").GetProperty("items").GetArrayLength());
        Assert.Equal((2, 2), (round.GetProperty("count").GetInt32(), round.GetProperty("undecided").GetInt32()));

        var member = await (await Cast.SignInAsync(app, await PublicNoticeKit.CommitteeMemberAsync(app, "接口审定委员"))).ApiAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync("/api/approval/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync("/api/approval/votes",
            new { applicationId = ids[0], choice = "Approve", version = Version(round) })).StatusCode);
        var badChoice = await JsonAsync(await member.PostAsJsonAsync("/api/approval/votes", new { applicationId = ids[0], choice = "Abstain", version = Version(round) }),
            HttpStatusCode.BadRequest);
        Assert.Contains("choice 应为", badChoice.GetProperty("detail").GetString());
        var voted = await JsonAsync(await member.PostAsJsonAsync("/api/approval/votes", new { applicationId = ids[0], choice = "Approve", reason = "", version = Version(round) }));
        Assert.Equal("Approve", voted.GetProperty("items").GetProperty("items")[0].GetProperty("myChoice").GetString());
        Assert.Equal(1, voted.GetProperty("items").GetProperty("items")[0].GetProperty("votesFor").GetInt32());

        var decided = await JsonAsync(await office.PostAsJsonAsync("/api/approval/decisions", new
        {
            decisions = new object[]
            {
                new { applicationId = ids[0], approved = true, reason = "审定委员会表决同意。" },
                new { applicationId = ids[1], approved = false, reason = "审定委员会认为服务质量证据不足。" },
            },
            version = Version(voted),
        }));
        var finalised = await JsonAsync(await office.PostAsJsonAsync("/api/approval/finalise", new { version = Version(decided) }));
        Assert.Equal("Finalised", finalised.GetProperty("round").GetProperty("status").GetString());
        var number = Assert.Single(finalised.GetProperty("certificateNumbers").EnumerateArray()).GetString();
        Assert.StartsWith("YHMYBG-2026-", number);
        // the page shows the same finished round
        Assert.Contains(number!, PageClient.Text(await (await PublicNoticeKit.OfficeAsync(app)).GetAsync("/Awards")));
    }

    [Fact]
    public async Task A_committee_member_is_refused_the_office_steps_on_the_page_with_403_not_a_form_error()
    {
        var member = await Cast.SignInAsync(app, await PublicNoticeKit.CommitteeMemberAsync(app, "页面审定委员"));
        var token = (await member.ApiAsync()).DefaultRequestHeaders.GetValues("X-CSRF-TOKEN").Single();
        foreach (var handler in new[] { "Start", "Decide", "Finalise" })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/Approval?handler={handler}") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add("X-CSRF-TOKEN", token);
            var response = await member.NoRedirects.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString());
        }
    }
}
