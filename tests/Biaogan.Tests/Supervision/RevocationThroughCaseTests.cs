using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Notifications;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Supervision;

/// <summary>Issue 12 item 7: a benchmark is revoked only by the leading group's decision on a case, and the public sees it at once.</summary>
public class RevocationThroughCaseTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Verify(Award a) => $"/Public/Verify/{a.CertificateNumber}?code={a.VerificationCode}";

    [Fact]
    public async Task Neither_the_award_API_nor_the_award_page_can_revoke_a_benchmark()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "无案撤销有限公司");
        var office = await OfficeApiAsync(app);
        var api = await office.PostAsJsonAsync($"/api/awards/{winner.Award.Id}/status", new { action = "Revoke", reason = "直接撤销", version = 1 });
        Assert.True(api.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, api.StatusCode.ToString());

        var page = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var details = await page.GetAsync($"/Awards/Details/{winner.Award.Id}");
        Assert.Null(details.QuerySelector("form[action*='handler=Status']"));
        Assert.Contains("只能依据领导小组对监督案件的决定变更", PageClient.Text(details));
        await page.NoRedirects.PostAsync($"/Awards/Details/{winner.Award.Id}?handler=Status",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "Revoke", ["Reason"] = "直接撤销" }));

        Assert.Equal(AwardStatus.Valid, (await AwardsTestKit.ReloadAsync(app, winner.Award.Id)).Status);
        Assert.Contains("证书真实", PageClient.Text(await Cast.Anonymous(app).GetAsync(Verify(winner.Award))));
    }

    [Fact]
    public async Task A_decision_the_votes_do_not_carry_is_refused_in_Chinese_and_the_award_stays_valid()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "票数不足有限公司");
        var office = await OfficeApiAsync(app);
        var (id, version) = await CaseBeforeGroupAsync(office, winner.Award.Id);
        var noVotes = await JsonAsync(await office.PostAsJsonAsync($"/api/supervision/cases/{id}/decision",
            new { outcome = "Revoke", reason = "审议", publicReason = "公开原因", version }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("至少需要", noVotes.GetProperty("detail").GetString());

        var first = await LeaderApiAsync(app, "李组员");
        var second = await LeaderApiAsync(app, "周组员");
        await JsonAsync(await first.PostAsJsonAsync($"/api/supervision/cases/{id}/votes", new { outcome = "Revoke", reason = "情节严重" }), HttpStatusCode.OK);
        await JsonAsync(await second.PostAsJsonAsync($"/api/supervision/cases/{id}/votes", new { outcome = "NoEffect", reason = "已整改" }), HttpStatusCode.OK);
        var split = await JsonAsync(await office.PostAsJsonAsync($"/api/supervision/cases/{id}/decision",
            new { outcome = "Revoke", reason = "审议", publicReason = "公开原因", version }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("过半数", split.GetProperty("detail").GetString());
        Assert.Equal(AwardStatus.Valid, (await AwardsTestKit.ReloadAsync(app, winner.Award.Id)).Status);

        // the second member changes the vote: 2 of 2 for 撤销称号; the decision must also carry a public reason
        await JsonAsync(await second.PostAsJsonAsync($"/api/supervision/cases/{id}/votes", new { outcome = "Revoke", reason = "复核后同意撤销" }), HttpStatusCode.OK);
        var noReason = await JsonAsync(await office.PostAsJsonAsync($"/api/supervision/cases/{id}/decision",
            new { outcome = "Revoke", reason = "审议", publicReason = "", version }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("公开原因", noReason.GetProperty("detail").GetString());
        var decided = await JsonAsync(await office.PostAsJsonAsync($"/api/supervision/cases/{id}/decision",
            new { outcome = "Revoke", reason = "审议", publicReason = "经查实不再符合标杆条件。", version }), HttpStatusCode.OK);
        Assert.Equal("Decided", decided.GetProperty("status").GetString());
        var detail = await JsonAsync(await office.GetAsync($"/api/supervision/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal(2, detail.GetProperty("votesForOutcome").GetInt32());
        Assert.Equal(2, detail.GetProperty("votes").GetArrayLength());
    }

    [Fact]
    public async Task After_the_decision_verification_says_revoked_at_once_and_the_organisation_is_told()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "决定撤销有限公司");
        var anonymous = Cast.Anonymous(app);
        Assert.Contains("证书真实", PageClient.Text(await anonymous.GetAsync(Verify(winner.Award)))); // now cached

        var caseId = await RevokeAsync(app, winner.Award.Id, "获奖后发生重大质量事故，经领导小组决定撤销称号。");

        var text = PageClient.Text(await anonymous.GetAsync(Verify(winner.Award)));
        Assert.Contains("已撤销", text);
        Assert.Contains("2026年11月27日", text);
        Assert.Contains("获奖后发生重大质量事故，经领导小组决定撤销称号。", text);
        var award = await AwardsTestKit.ReloadAsync(app, winner.Award.Id);
        var change = Assert.Single(award.StatusChanges);
        Assert.Equal((AwardStatus.Valid, AwardStatus.Revoked, caseId), (change.From, change.To, change.CaseId));

        Assert.Contains(await Messages.InboxAsync(app, winner.Contact), t => t.Contains("称号已撤销"));
        var mail = await Messages.LatestMailAsync(app, winner.Contact.Email, DefaultTemplates.SupervisionAwardRevoked);
        Assert.Contains("请立即停止使用全国用户满意标杆标识", mail.Body);
        var own = await Cast.SignInAsync(app, winner.Contact);
        Assert.Equal(HttpStatusCode.NotFound, (await own.NoRedirects.GetAsync($"/Awards/Certificate/{winner.Award.Id}")).StatusCode);
        Assert.Contains("请停止使用全国用户满意标杆标识", PageClient.Text(await own.GetAsync("/Awards/Mine")));
    }

    [Fact]
    public async Task The_organisation_sees_its_own_case_without_votes_or_notes_and_never_another_ones()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "案件可见有限公司");
        var office = await OfficeApiAsync(app);
        var (id, version) = await CaseBeforeGroupAsync(office, winner.Award.Id);
        await JsonAsync(await office.PostAsJsonAsync($"/api/supervision/cases/{id}/notes", new { text = "内部调查记录", version }), HttpStatusCode.OK);
        var own = await (await Cast.SignInAsync(app, winner.Contact)).ApiAsync();
        var seen = await JsonAsync(await own.GetAsync($"/api/supervision/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("votes").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("notes").ValueKind);

        var other = await (await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "无关组织有限公司"))).ApiAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/supervision/cases/{id}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync("/api/supervision/cases"));
    }
}
