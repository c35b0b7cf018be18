using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Sharing;
using Microsoft.EntityFrameworkCore;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Sharing;

/// <summary>Issue 12 item 3: the winners' 经验案例, reviewed by the office before the public sees them (第二十五、三十一条).</summary>
public class PracticeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_case_shows_on_the_public_page_only_once_approved_and_disappears_when_the_award_is_revoked()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "案例发布有限公司");
        var officePerson = await Cast.OfficeAsync(app);
        var page = await Cast.SignInAsync(app, winner.Contact);
        var saved = await page.SubmitAsync("/Sharing/Practice", new Dictionary<string, string?>
        {
            ["AwardId"] = winner.Award.Id.ToString(), ["Input.Title"] = "投诉“一单到底”闭环管理", ["Input.Summary"] = "三年用户满意度提升 3 分的做法。",
        }, submit: "Submit", files: [new UploadFile("Uploads", "案例材料.pdf", SharingKit.Pdf, "application/pdf")]);
        Assert.Empty(saved.Errors);
        var practice = await app.WithDbAsync(db => db.Set<BenchmarkPractice>().AsNoTracking().SingleAsync(p => p.AwardId == winner.Award.Id));
        Assert.Equal(PracticeStatus.Submitted, practice.Status);

        await Messages.LatestMailAsync(app, officePerson.Email, DefaultTemplates.SharingPracticeSubmitted);
        var office = await Cast.SignInAsync(app, officePerson);
        Assert.Contains("待审核的经验案例", PageClient.Text(await office.GetAsync("/Progress/Todo")));

        // The public page is output-cached: fetched now (without the case), it must not keep showing that after the approval.
        var anonymous = Cast.Anonymous(app);
        Assert.DoesNotContain("投诉“一单到底”闭环管理", PageClient.Text(await anonymous.GetAsync("/Public/Practices")));
        Assert.Empty((await office.SubmitAsync(SharingLinks.Review(practice.Id), new Dictionary<string, string?>(), submit: "Approve")).Errors);
        await Messages.LatestMailAsync(app, winner.Contact.Email, DefaultTemplates.SharingPracticeApproved);

        var shown = await anonymous.GetAsync("/Public/Practices");
        Assert.Contains("投诉“一单到底”闭环管理", PageClient.Text(shown));
        Assert.Contains("三年用户满意度提升 3 分的做法", PageClient.Text(shown));
        var link = shown.QuerySelector("a[href^='/api/public/practices/files/']")!.GetAttribute("href")!;
        var file = await anonymous.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(SharingKit.Pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.Contains("投诉“一单到底”闭环管理", PageClient.Text(await anonymous.GetAsync("/Public/Practices?year=2026&category=Enterprise")));
        Assert.DoesNotContain("投诉“一单到底”闭环管理", PageClient.Text(await anonymous.GetAsync("/Public/Practices?category=Service")));
        Assert.Contains("投诉“一单到底”闭环管理", PageClient.Text(await page.GetAsync("/Awards/Mine")));

        await RevokeAsync(app, winner.Award.Id, "查证属实。");
        Assert.DoesNotContain("投诉“一单到底”闭环管理", PageClient.Text(await anonymous.GetAsync("/Public/Practices")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync(link)).StatusCode);
        Assert.DoesNotContain("投诉“一单到底”闭环管理", await anonymous.Http.GetStringAsync("/api/public/practices"));
    }

    [Fact]
    public async Task The_office_returns_a_case_with_its_reason_and_the_winner_revises_and_submits_it_again()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "案例退回有限公司");
        var own = await (await Cast.SignInAsync(app, winner.Contact)).ApiAsync();
        var id = await SharingKit.SubmittedPracticeAsync(own, winner.Award.Id, "供水服务承诺");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var empty = await office.SubmitAsync(SharingLinks.Review(id), new Dictionary<string, string?> { ["Input.Reason"] = "" }, submit: "Return");
        Assert.Contains(empty.Errors, e => e.Contains("请填写退回理由"));
        Assert.Empty((await office.SubmitAsync(SharingLinks.Review(id), new Dictionary<string, string?> { ["Input.Reason"] = "请补充成效数据。" }, submit: "Return")).Errors);
        var mail = await Messages.LatestMailAsync(app, winner.Contact.Email, DefaultTemplates.SharingPracticeReturned);
        Assert.Contains("请补充成效数据。", mail.Body);
        Assert.DoesNotContain("供水服务承诺", await Cast.Anonymous(app).Http.GetStringAsync("/api/public/practices"));

        var version = await SharingKit.VersionOfPracticeAsync(own, id);
        var resubmitted = await JsonAsync(await own.PutAsJsonAsync($"/api/sharing/practices/{id}", new
        {
            title = "供水服务承诺", summary = "停水提前 24 小时告知率 100%，抢修 4 小时到场率 99%。", submit = true, version,
        }), HttpStatusCode.OK);
        Assert.Equal("Submitted", resubmitted.GetProperty("status").GetString());
        var stale = await own.PutAsJsonAsync($"/api/sharing/practices/{id}", new { title = "改", summary = "改", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task An_organisation_never_sees_or_changes_another_ones_cases_or_answers()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "他人案例有限公司");
        var own = await (await Cast.SignInAsync(app, winner.Contact)).ApiAsync();
        var id = await SharingKit.SubmittedPracticeAsync(own, winner.Award.Id, "保密的草稿案例");
        var officeApi = await OfficeApiAsync(app);
        var eventId = await SharingKit.EventAsync(officeApi, app, "他人邀请测试活动");
        await SharingKit.InviteAsync(officeApi, eventId, winner.Award.Id);
        var invitationId = (await SharingKit.InvitationAsync(own, eventId)).GetProperty("id").GetGuid();

        var other = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "别家案例组织有限公司"));
        var api = await other.ApiAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/sharing/practices/{id}")).StatusCode);
        Assert.DoesNotContain("保密的草稿案例", await api.GetStringAsync("/api/sharing/practices"));
        Assert.DoesNotContain("他人邀请测试活动", await api.GetStringAsync("/api/sharing/invitations"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/sharing/practices/{id}", new { title = "篡改", summary = "篡改" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/sharing/invitations/{invitationId}/answer", new { answer = "Decline" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/sharing/practices", new { awardId = winner.Award.Id, title = "冒名", summary = "冒名" })).StatusCode);
        await other.GetAsync(SharingLinks.Practice(id), HttpStatusCode.NotFound);
        await other.GetAsync(SharingLinks.Answer(invitationId), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/sharing/practices/{id}/approve", new { })).StatusCode);
        // Submitted but not approved: nothing of it is public.
        Assert.DoesNotContain("保密的草稿案例", PageClient.Text(await Cast.Anonymous(app).GetAsync("/Public/Practices")));
        Assert.Equal("保密的草稿案例", await app.WithDbAsync(db => db.Set<BenchmarkPractice>().Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }
}
