using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// 双向反馈 and 综合评价 in Chromium: after the visit the organisation rates a reviewer and the 组长 rates the organisation;
/// the office reads both; a committee member votes beside the two results; the office records and finalises each category
/// (services: none). Screenshots are kept as test artifacts (evaluation-NN-…).
/// </summary>
public class EvaluationJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 300_000)]
    public async Task After_the_visit_both_sides_rate_each_other_and_the_committee_recommends_within_the_quota()
    {
        var visit = await MutualFeedbackKit.VisitAsync(app, "华信");
        var rival = await AwardPipelineKit.QualifiedAsync(app, "远航智能装备有限公司", AwardCategory.Enterprise);
        await AwardPipelineKit.ApprovedVisitAsync(app, rival, 580m, 560m);
        var service = await AwardPipelineKit.QualifiedAsync(app, "安居物业服务有限公司", AwardCategory.Service);
        await AwardPipelineKit.ApprovedVisitAsync(app, service, 520m, 500m);
        var cycleId = (await ApplicationsBuilders.OpenCycleAsync(app)).Id;

        // 1. 申报组织评价组长；组长评价申报组织
        var applicant = await app.SignedInPageAsync(visit.Applicant);
        await applicant.GotoAsync("/MutualFeedback/Mine", Nav.Goto);
        await app.ScreenshotAsync(applicant, "evaluation-01-feedback-mine");
        await applicant.Locator("tr", new() { HasText = visit.Leader.Name }).Locator("a:has-text('评价')").ClickAsync();
        await app.ScreenshotAsync(applicant, "evaluation-02-rate-reviewer");
        await MutualFeedbackSteps.RateReviewerAsync(applicant, visit.Leader.Name, 5, "组长对顾客之声闭环的提问很有启发，全程遵守评审纪律。");
        var leader = await app.SignedInPageAsync(visit.Leader.Persona);
        await MutualFeedbackSteps.RateOrganizationAsync(leader, visit.Organization, 4, "组织配合积极，材料与现场一致，未安排宴请。");
        await leader.GotoAsync($"/MutualFeedback/RateOrganization/{visit.ApplicationId}", Nav.Goto);
        await app.ScreenshotAsync(leader, "evaluation-03-rated-organization");

        // 2. 活动办公室查看双向反馈和评审员的评价记录
        var office = await app.SignedInPageAsync(await Cast.OfficeAsync(app));
        await office.GotoAsync("/MutualFeedback", Nav.Goto);
        await app.ScreenshotAsync(office, "evaluation-04-feedback-overview");
        await MutualFeedbackSteps.OfficeOpensVisitAsync(office, visit.Organization);
        await app.ScreenshotAsync(office, "evaluation-05-feedback-visit");
        await office.GotoAsync($"/MutualFeedback/Reviewer/{visit.Leader.ProfileId}", Nav.Goto);
        await Assertions.Expect(office.Locator("#averages")).ToContainTextAsync("5.00");
        await app.ScreenshotAsync(office, "evaluation-06-reviewer-record");

        // 3. 评审委员会委员投票
        var member = await app.SignedInPageAsync(await RankingBuilders.CommitteeAsync(app, "吴振华"));
        await EvaluationSteps.VoteAsync(member, cycleId, "Enterprise", visit.Organization, true, "资料与现场评审结果一致领先");
        await EvaluationSteps.VoteAsync(member, cycleId, "Enterprise", "远航智能装备", false, "现场评审发现的问题较多");
        await app.ScreenshotAsync(member, "evaluation-07-committee");

        // 4. 活动办公室记录并确定推荐名单：企业类推荐一个，服务类无推荐
        await EvaluationSteps.RecordAndFinaliseAsync(office, cycleId, "Enterprise", [visit.Organization], "资料评审与现场评审结果均领先，委员一致推荐",
            member: member);
        await app.ScreenshotAsync(office, "evaluation-08-office-enterprise");
        await EvaluationSteps.RecordAndFinaliseAsync(office, cycleId, "Service", [], "", noneReason: "服务类申报组织综合得分均未达到标杆水平", member: member);
        await Assertions.Expect(office.Locator("#recorded-list")).ToContainTextAsync("本类别无推荐");
        await office.GotoAsync($"/Evaluation/Visit/{visit.ApplicationId}", Nav.Goto);
        await app.ScreenshotAsync(office, "evaluation-09-visit-summary");
    }
}
