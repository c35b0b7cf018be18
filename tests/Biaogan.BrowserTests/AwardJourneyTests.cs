using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// From the site visit to the certificate, end to end in Chromium, chaining every stage's own steps: 现场评审 of a shortlisted organisation → 双向反馈 →
/// 综合评价 within the quota (服务类: none) → 公示 with an objection lodged on a phone-sized screen and dismissed after
/// the investigation → 审定 after the deadline → the winner downloads its certificate and anyone verifies it on a phone.
/// Screenshots are kept as test artifacts (award-journey-NN-…).
/// </summary>
public class AwardJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Organization = "澄湖智能家电股份有限公司";

    [Fact(Timeout = 480_000)]
    public async Task A_shortlisted_organisation_goes_from_its_site_visit_to_a_verified_certificate()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app, groupSize: 2);
        await ApplicationsBuilders.UpdateSettingsAsync(app, s => s.OnSiteGroupSize = 2);
        var applicant = await Cast.ApplicantAsync(app, Organization);
        var appId = (await OnSiteTestKit.ShortlistedAsync(app, [75], [true], [applicant]))[0].Id;
        var leader = await AssignmentTestKit.ReviewerAsync(app, "陈思远", "北京卓越质量咨询有限公司", "11", leader: true);
        var member = await AssignmentTestKit.ReviewerAsync(app, "黄立群", "上海质量技术研究院", "31");
        var officePersona = await Cast.OfficeAsync(app);

        // 1. 现场评审
        var office = await app.SignedInPageAsync(officePersona);
        await OnSiteSteps.FormTeamsAsync(office, cycle.Id);
        await OnSiteSteps.PrepareVisitsAsync(office, cycle.Id);
        var leaderPage = await app.SignedInPageAsync(leader.Persona);
        await OnSiteSteps.DeclareAsync(leaderPage);
        var memberPage = await app.SignedInPageAsync(member.Persona);
        await OnSiteSteps.DeclareAsync(memberPage);
        await OnSiteSteps.ProposeScheduleAsync(leaderPage, appId, "2026-11-24", "2026-11-25", "浙江省宁波市鄞州区澄湖路8号 公司总部");
        var orgPage = await app.SignedInPageAsync(applicant);
        await OnSiteSteps.AgreeScheduleAsync(orgPage, appId);
        await OnSiteSteps.RaiseFirstDoubtAsync(leaderPage, appId);
        await OnSiteSteps.CloseFirstIssueAsync(memberPage, appId, null, "访谈用户服务中心主任：投诉闭环流程与申报一致。", "查阅2025年投诉台账。");
        await OnSiteSteps.ApproveAsLeaderAsync(leaderPage, appId, "售后回访记录个别缺失", "以用户为中心的理念落实到位，现场核实情况与申报材料一致。");
        await OnSiteSteps.ApproveReportAsync(office, appId);
        await app.ScreenshotAsync(office, "award-journey-01-onsite-released");

        // 2. 双向反馈
        await MutualFeedbackSteps.RateReviewerAsync(orgPage, leader.Name, 5, "组长提问专业，严守评审纪律。");
        await MutualFeedbackSteps.RateOrganizationAsync(leaderPage, Organization, 5, "组织配合积极，材料真实，未安排宴请。");

        // 3. 综合评价：企业类推荐 1 个，服务类无推荐
        var committee = await app.SignedInPageAsync(await RankingBuilders.CommitteeAsync(app, "吴振华"));
        await EvaluationSteps.VoteAsync(committee, cycle.Id, "Enterprise", Organization, true, "资料评审与现场评审结果均优秀");
        await EvaluationSteps.RecordAndFinaliseAsync(office, cycle.Id, "Enterprise", [Organization], "委员一致推荐", member: committee);
        await EvaluationSteps.RecordAndFinaliseAsync(office, cycle.Id, "Service", [], "", noneReason: "本年度服务类无申报进入现场评审", member: committee);
        await app.ScreenshotAsync(office, "award-journey-02-evaluation");

        // 4. 公示：在手机上提出异议，经核查不成立
        await PublicNoticeSteps.PublishNoticeAsync(office, new DateOnly(2026, 11, 27));
        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync("/Public/Notice");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("公示期：2026年11月27日至2026年12月7日");
        var receipt = await PublicNoticeSteps.LodgeObjectionAsync(phone, app, Organization);
        Assert.True(await AwardsSteps.FitsWidthAsync(phone), "异议回执在手机上出现横向滚动");
        await app.ScreenshotAsync(phone, "award-journey-03-objection-phone");
        await PublicNoticeSteps.ConcludeObjectionAsync(office, receipt, sustained: false, "经核查，反映的投诉已按规定处理完毕，异议不成立。");

        // 5. 审定（公示期满后）
        PublicNoticeKit.SetChinaTime(app, 2026, 12, 8, 9, 0);
        office = await app.SignedInPageAsync(officePersona);
        await ApprovalSteps.StartApprovalAsync(office);
        var approver = await app.SignedInPageAsync(await PublicNoticeKit.CommitteeMemberAsync(app, "周审定"));
        await ApprovalSteps.VoteAsync(approver, Organization, "Approve");
        var done = await ApprovalSteps.ApproveAllAndFinaliseAsync(office);
        Assert.Contains("YHMYBG-2026-001", done);
        await app.ScreenshotAsync(office, "award-journey-04-approved");

        // 6. 证书：获奖组织下载，公众在手机上核验
        orgPage = await app.SignedInPageAsync(applicant);
        await orgPage.GotoAsync("/Awards/Mine");
        await Assertions.Expect(orgPage.Locator("main")).ToContainTextAsync("第三十二条");
        Assert.Equal("%PDF-"u8.ToArray(), (await AwardsSteps.DownloadCertificateAsync(orgPage))[..5]);
        var award = await app.WithDbAsync(db => db.Set<Award>().AsNoTracking().SingleAsync(a => a.ApplicationId == appId));
        Assert.Equal("证书真实有效", await AwardsSteps.VerifyAsync(phone, award.CertificateNumber, award.VerificationCode));
        Assert.True(await AwardsSteps.FitsWidthAsync(phone));
        await app.ScreenshotAsync(phone, "award-journey-05-verified-phone");
        await phone.GotoAsync("/Public/Results/2026");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(Organization);
    }
}
