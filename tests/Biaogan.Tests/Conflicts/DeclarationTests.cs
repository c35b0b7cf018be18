using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Conflicts;

/// <summary>The reviewer's declaration page, the confidentiality terms and the applicant's avoid-list, over HTTP.</summary>
public class DeclarationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(Guid ApplicationId, Persona Applicant)> ApplicationAsync(string orgName)
    {
        var applicant = await Cast.ApplicantAsync(app, orgName);
        var recommender = await Cast.RecommenderAsync(app, "推荐单位（" + orgName + "）");
        return (await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender), applicant);
    }

    [Fact]
    public async Task Before_signing_the_reviewer_sees_the_name_and_category_only_and_signing_declares_the_seat()
    {
        var (appId, _) = await ApplicationAsync("声明甲有限公司");
        var (persona, reviewerId) = await ReviewersTestKit.AppointedReviewerAsync(app, "蒋声明");
        var seatId = await ConflictsTestKit.SeatAsync(app, appId, reviewerId, GroupRole.Leader);
        var reviewer = await Cast.SignInAsync(app, persona);

        // Another test of this class may publish new terms: the label in force is whatever the database says.
        var (label, _) = await app.WithDbAsync(db => ConfidentialityTerms.CurrentAsync(db, CancellationToken.None));
        var page = await reviewer.GetAsync($"/Conflicts/Declare/{seatId}");
        Assert.Equal("声明甲有限公司", page.QuerySelector("#org-name")!.TextContent);
        Assert.Contains($"保密承诺书（{label} 版）", PageClient.Text(page));
        Assert.Null(page.QuerySelector("a[href^='/DocumentReview']"));

        var refused = await reviewer.SubmitAsync(page, new Dictionary<string, string?>(), formSelector: "#sign-form");
        Assert.Contains(refused.Errors, e => e.Contains("请先阅读保密承诺书"));

        var signed = await reviewer.SubmitAsync($"/Conflicts/Declare/{seatId}", new Dictionary<string, string?> { ["Accept"] = "true" }, formSelector: "#sign-form");
        Assert.Contains("已签署无利益冲突声明和保密承诺", signed.Text);
        var seat = await ConflictsTestKit.LoadSeatAsync(app, seatId);
        Assert.Equal((MemberStatus.Declared, label), (seat.Status, seat.TermsVersion));
        Assert.NotNull(signed.Page.QuerySelector($"a[href='/DocumentReview/Sheet/{appId}']"));
    }

    [Fact]
    public async Task Declaring_a_conflict_files_a_confirmed_case_removes_the_seat_and_notifies_the_office()
    {
        var office = await Cast.OfficeAsync(app);
        var (appId, _) = await ApplicationAsync("声明乙有限公司");
        var (persona, reviewerId) = await ReviewersTestKit.AppointedReviewerAsync(app, "沈冲突");
        var seatId = await ConflictsTestKit.SeatAsync(app, appId, reviewerId);
        var reviewer = await Cast.SignInAsync(app, persona);

        var result = await reviewer.SubmitAsync($"/Conflicts/Declare/{seatId}",
            new Dictionary<string, string?> { ["Statement"] = "2025 年曾为该公司提供质量管理咨询" }, formSelector: "#conflict-form");
        Assert.Contains("您已退出该专家组", result.Text);
        var c = Assert.Single(await ConflictsTestKit.CasesAsync(app, appId));
        Assert.Equal((ConflictSource.ReviewerDeclared, ConflictStatus.Confirmed, reviewerId), (c.Source, c.Status, c.ReviewerId));
        var seat = await ConflictsTestKit.LoadSeatAsync(app, seatId);
        Assert.Equal(MemberStatus.Removed, seat.Status);
        var inbox = await app.WithDbAsync(db => db.Set<InboxItem>().AsNoTracking().Where(i => i.UserId == office.UserId).ToListAsync());
        var note = Assert.Single(inbox, i => i.Title.Contains("沈冲突"));
        Assert.Contains("声明乙有限公司", note.Body);
        Assert.Contains("2025 年曾为该公司提供质量管理咨询", note.Body);
        Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.TemplateKey == DefaultTemplates.ConflictDeclared && m.ToAddress == office.Email)));
    }

    [Fact]
    public async Task Another_reviewer_never_reaches_someone_elses_declaration_page()
    {
        var (appId, _) = await ApplicationAsync("声明丙有限公司");
        var (_, ownerId) = await ReviewersTestKit.AppointedReviewerAsync(app, "韩本人");
        var seatId = await ConflictsTestKit.SeatAsync(app, appId, ownerId);
        var (other, _) = await ReviewersTestKit.AppointedReviewerAsync(app, "杨他人");
        var client = await Cast.SignInAsync(app, other);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Conflicts/Declare/{seatId}")).StatusCode);
        var token = await ReviewersTestKit.TokenAsync(client, "/Conflicts/Relations");
        var post = await ReviewersTestKit.PostAsync(client, $"/Conflicts/Declare/{seatId}?handler=Sign", token,
            new Dictionary<string, string> { ["Accept"] = "true", ["TermsVersion"] = ConfidentialityTerms.Default.Label });
        Assert.Equal(HttpStatusCode.NotFound, post);
        Assert.Equal(MemberStatus.Assigned, (await ConflictsTestKit.LoadSeatAsync(app, seatId)).Status);
    }

    [Fact]
    public async Task A_pending_conflict_keeps_the_reviewer_from_signing()
    {
        var (appId, _) = await ApplicationAsync("声明丁有限公司");
        var (persona, reviewerId) = await ReviewersTestKit.AppointedReviewerAsync(app, "朱待定");
        var seatId = await ConflictsTestKit.SeatAsync(app, appId, reviewerId);
        var cycleId = await ConflictsTestKit.CycleIdAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.Add(new ConflictCase(cycleId, appId, reviewerId, ConflictSource.ApplicantAvoidance, "申报组织申请回避：朱待定。理由：竞争关系", app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var reviewer = await Cast.SignInAsync(app, persona);
        var page = await reviewer.GetAsync($"/Conflicts/Declare/{seatId}");
        Assert.NotNull(page.QuerySelector("#blocked"));
        var token = await ReviewersTestKit.TokenAsync(reviewer, "/Conflicts/Relations");
        await ReviewersTestKit.PostAsync(reviewer, $"/Conflicts/Declare/{seatId}?handler=Sign", token, new Dictionary<string, string>
        {
            ["Accept"] = "true", ["TermsVersion"] = ConfidentialityTerms.Default.Label, ["Version"] = "0",
        });
        Assert.Equal(MemberStatus.Assigned, (await ConflictsTestKit.LoadSeatAsync(app, seatId)).Status);
    }

    [Fact]
    public async Task The_office_publishes_new_terms_and_a_reviewer_who_read_the_old_version_must_read_again()
    {
        var (appId, _) = await ApplicationAsync("声明戊有限公司");
        var (persona, reviewerId) = await ReviewersTestKit.AppointedReviewerAsync(app, "秦新版");
        var seatId = await ConflictsTestKit.SeatAsync(app, appId, reviewerId);
        var reviewer = await Cast.SignInAsync(app, persona);
        var stale = await reviewer.GetAsync($"/Conflicts/Declare/{seatId}");

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var published = await office.SubmitAsync("/Conflicts/Terms", new Dictionary<string, string?>
        {
            ["VersionLabel"] = "2026-T9", ["Text"] = "本人承诺对评审中知悉的申报组织信息严格保密，与申报组织无任何利益冲突，如有违反愿意接受处理。",
        }, formSelector: "#terms-form");
        Assert.Contains("已发布保密承诺书 2026-T9 版", published.Text);

        var refused = await reviewer.SubmitAsync(stale, new Dictionary<string, string?> { ["Accept"] = "true" }, formSelector: "#sign-form");
        Assert.Contains(refused.Errors, e => e.Contains("已更新为 2026-T9 版"));
        var signed = await reviewer.SubmitAsync($"/Conflicts/Declare/{seatId}", new Dictionary<string, string?> { ["Accept"] = "true" }, formSelector: "#sign-form");
        Assert.Contains("2026-T9", signed.Text);
        Assert.Equal("2026-T9", (await ConflictsTestKit.LoadSeatAsync(app, seatId)).TermsVersion);

        var again = await office.SubmitAsync("/Conflicts/Terms", new Dictionary<string, string?> { ["VersionLabel"] = "2026-T9" }, formSelector: "#terms-form");
        Assert.Contains(again.Errors, e => e.Contains("已使用过"));
    }

    [Fact]
    public async Task The_applicant_names_a_person_to_avoid_and_a_pending_case_is_filed_for_the_matching_reviewer()
    {
        var (appId, applicant) = await ApplicationAsync("回避甲有限公司");
        var (_, reviewerId) = await ConflictsTestKit.ReviewerAtAsync(app, "许回避", "竞争对手科技有限公司", null, 2015, null);
        var client = await Cast.SignInAsync(app, applicant);

        var result = await client.SubmitAsync($"/Conflicts/Avoid/{appId}", new Dictionary<string, string?>
        {
            ["PersonName"] = "许回避", ["Employer"] = "竞争对手科技公司", ["Reason"] = "该人员所在单位与我单位存在直接竞争关系",
        }, formSelector: "#avoid-form");
        Assert.Contains("已提交对“许回避”的回避申请", result.Text);
        Assert.Contains("直接竞争关系", result.Text);
        Assert.DoesNotContain("评审员库中匹配", result.Text);
        var c = Assert.Single(await ConflictsTestKit.CasesAsync(app, appId));
        Assert.Equal((ConflictSource.ApplicantAvoidance, ConflictStatus.Pending, reviewerId), (c.Source, c.Status, c.ReviewerId));

        var missing = await client.SubmitAsync($"/Conflicts/Avoid/{appId}", new Dictionary<string, string?> { ["PersonName"] = "某人" }, formSelector: "#avoid-form");
        Assert.Contains(missing.Errors, e => e.Contains("请填写申请回避的理由"));

        var otherApplicant = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "回避乙有限公司"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherApplicant.Http.GetAsync($"/Conflicts/Avoid/{appId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApplicant.Http.GetAsync($"/api/conflicts/avoid/{appId}")).StatusCode);

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var officeView = await office.GetAsync($"/Conflicts/Avoid/{appId}");
        Assert.Contains("1 人", PageClient.Text(officeView));
        Assert.Null(officeView.QuerySelector("#avoid-form"));
    }
}
