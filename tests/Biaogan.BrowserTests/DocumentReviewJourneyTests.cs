using System.Diagnostics;
using System.Text.RegularExpressions;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.Cycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// 资料评审's other branch in Chromium: an application the committee does not shortlist. Its expert group is seated and has
/// scored (built: forming groups and scoring from 我的待办 are part of <see cref="WholeCycleJourneyTests"/>); the 组长 agrees
/// the consensus; a committee member votes 不入围 with a reason; the office records the outcome beside a shortlisted rival,
/// has the stage work report 审议 and finalises the shortlist, then generates, approves and releases the feedback report;
/// the applicant downloads the PDF. Screenshots of every step are kept as test artifacts (docreview-NN-…).
/// </summary>
public class DocumentReviewJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string ApplicantName = "明德家电科技股份有限公司";
    private const string GroupStrength = "建立了覆盖产品全生命周期的顾客之声收集渠道";
    private const string GroupOpportunity = "满意度测评结果向设计改进的传递缺少闭环验证";

    [Fact(Timeout = 300_000)]
    public async Task The_leader_agrees_the_committee_does_not_shortlist_and_the_applicant_downloads_its_feedback()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app, groupSize: 2);
        var applicant = await Cast.ApplicantAsync(app, ApplicantName);
        var appId = await ApplicationsBuilders.SubmittedAsync(app, applicant, await Cast.RecommenderAsync(app, "华北地区质量协会"));
        await QualifyAsync(appId);
        var leader = await AssignmentTestKit.ReviewerAsync(app, "陈思远", "北京卓越质量咨询有限公司", "11", leader: true);
        var member = await AssignmentTestKit.ReviewerAsync(app, "黄立群", "上海质量技术研究院", "31");
        var committee = await RankingBuilders.CommitteeAsync(app, "吴振华");
        await SeatAndScoreAsync(appId, leader, member);
        // Another application of the category, already scored by its own group, so that the committee compares two.
        var rival = (await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [85]))[0];
        var office = await app.SignedInPageAsync(await Cast.OfficeAsync(app));
        var leaderPage = await app.SignedInPageAsync(leader.Persona);
        var memberPage = await app.SignedInPageAsync(member.Persona);

        // 1. 组长确认一致性评审结果
        await leaderPage.GotoAsync($"/DocumentReview/Consensus/{appId}", Nav.Goto);
        await Assertions.Expect(leaderPage.Locator("select[id^='c-pct-']").First).ToBeVisibleAsync();
        await app.ScreenshotAsync(leaderPage, "docreview-15-consensus");
        foreach (var box in await leaderPage.Locator("input[type=checkbox][name$='.PickedStrengths'], input[type=checkbox][name$='.PickedOpportunities']").AllAsync())
            await box.CheckAsync();
        await leaderPage.FillAsync("#c-comment-0", "组长与组员讨论后，按证实性材料取中间档。");
        await leaderPage.FillAsync("#c-s-0", GroupStrength);
        await leaderPage.FillAsync("#c-o-0", GroupOpportunity);
        await leaderPage.FillAsync("#summary", "专家组认为该组织顾客导向明确，测评结果的应用有待加强。");
        await leaderPage.ClickAsync("button:has-text('确认一致性评审结果')");
        await Assertions.Expect(leaderPage.Locator(".badge", new() { HasText = "已确认" })).ToBeVisibleAsync();
        await Assertions.Expect(leaderPage.Locator("main")).ToContainTextAsync(GroupStrength);
        await app.ScreenshotAsync(leaderPage, "docreview-16-consensus-agreed");
        await memberPage.GotoAsync($"/DocumentReview/Consensus/{appId}", Nav.Goto);
        await Assertions.Expect(memberPage.Locator("main")).ToContainTextAsync(GroupOpportunity);

        // 2. 评审委员会：办公室公开名称，委员投票（不入围，附理由）
        await office.GotoAsync("/DocumentReview/Shortlist", Nav.Goto);
        await office.ClickAsync("button:has-text('向评审委员会公开申报组织名称')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("已向评审委员会公开");
        var voter = await app.SignedInPageAsync(committee);
        await voter.GotoAsync("/DocumentReview/Shortlist", Nav.Goto);
        var row = voter.Locator("tr", new() { HasText = ApplicantName });
        await row.Locator("input[name=Select][value=false]").CheckAsync();
        await row.Locator("input[name=Reason]").FillAsync("一致性总分低于同类别申报，测评结果应用的证据不足。");
        await row.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(voter.Locator(".alert-success")).ToContainTextAsync("不入围");
        await app.ScreenshotAsync(voter, "docreview-17-committee-vote");

        // 3. 办公室记录评议结果并确定入围名单
        await office.GotoAsync("/DocumentReview/Shortlist", Nav.Goto);
        var ours = office.Locator("#outcome-h ~ form tr", new() { HasText = ApplicantName });
        var theirs = office.Locator("#outcome-h ~ form tr", new() { HasText = rival.Name });
        await Assertions.Expect(ours.Locator("input[type=checkbox]")).Not.ToBeCheckedAsync();
        await ours.Locator("textarea").FillAsync("委员多数意见不入围。");
        await theirs.Locator("input[type=checkbox]").CheckAsync();
        await theirs.Locator("textarea").FillAsync("一致性总分居本类别首位，进入现场评审。");
        await office.ClickAsync("button:has-text('保存评议结果')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("已保存评审委员会的评议结果");
        // 第九条: the office generates the 资料评审阶段工作报告 and the committee 审议 it before the list is final.
        await StageReportSteps.DeliberateAsync(office, voter, cycle.Id, "DocumentReview");
        await app.ScreenshotAsync(voter, "docreview-18a-stage-report");
        await office.GotoAsync("/DocumentReview/Shortlist", Nav.Goto);
        await office.ClickAsync("button:has-text('确定入围名单')");
        await Assertions.Expect(office.Locator("#shortlist-status")).ToHaveTextAsync("入围名单已确定");
        await app.ScreenshotAsync(office, "docreview-18-shortlist-final");

        // 4. 办公室生成、审定并发放反馈报告
        await office.ClickAsync("a:has-text('资料评审反馈报告')");
        await Nav.ToAsync(office, "**/DocumentReview/Feedback**");
        await office.ClickAsync("button:has-text('生成反馈报告草稿')");
        await Assertions.Expect(office.Locator("tr", new() { HasText = ApplicantName })).ToContainTextAsync("PDF");
        await Assertions.Expect(office.Locator("main")).Not.ToContainTextAsync(rival.Name);
        await app.ScreenshotAsync(office, "docreview-19-feedback-list");
        await office.Locator("tr", new() { HasText = ApplicantName }).Locator("a:has-text('审核')").ClickAsync();
        await Nav.ToAsync(office, $"**/DocumentReview/Feedback/Edit/{appId}");
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync(GroupStrength);
        await app.ScreenshotAsync(office, "docreview-20-feedback-edit");
        await office.ClickAsync("button:has-text('保存并审定')");
        await office.ClickAsync("button:has-text('发放给申报组织')");
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("报告已发放");
        await app.ScreenshotAsync(office, "docreview-21-feedback-released");

        // 5. 申报组织看到通知并下载 PDF
        var org = await app.SignedInPageAsync(applicant);
        await org.GotoAsync($"/Applications/Details/{appId}", Nav.Goto);
        await Assertions.Expect(org.Locator("#feedback-report")).ToContainTextAsync("资料评审反馈报告已发放");
        await app.ScreenshotAsync(org, "docreview-22-applicant-notice");
        var download = await org.RunAndWaitForDownloadAsync(() => org.Locator("#feedback-report a:has-text('下载 PDF')").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var path = Path.Combine(app.Folder, "feedback.pdf");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var text = Regex.Replace(PdfText(path), @"\s+", "");
        Assert.Contains("资料评审反馈报告", text);
        Assert.Contains(ApplicantName, text);
        Assert.Contains(GroupStrength, text);
        Assert.Contains(GroupOpportunity, text);
        Assert.Contains("领导层定期评审顾客满意度指标并据此配置资源", text);
        await org.GotoAsync($"/DocumentReview/Feedback/View/{appId}", Nav.Goto);
        await app.ScreenshotAsync(org, "docreview-23-applicant-view");
    }

    /// <summary>
    /// The group as the solver would seat it (组长 and one member, both declared) and both sheets submitted through the
    /// scoring workflow, each with one strength and one opportunity.
    /// </summary>
    private async Task SeatAndScoreAsync(Guid appId, TestReviewer leader, TestReviewer member)
    {
        await app.WithDbAsync(async db =>
        {
            var cycleId = await db.Set<Application>().Where(a => a.Id == appId).Select(a => a.CycleId).FirstAsync();
            var now = app.Clock.GetUtcNow();
            var group = new ExpertGroup(cycleId, appId, ReviewStage.Document, null, now);
            group.Seat(leader.ProfileId, GroupRole.Leader, null, now).Declare("2026-1", now);
            group.Seat(member.ProfileId, GroupRole.Member, null, now).Declare("2026-1", now);
            db.Add(group);
            await db.SaveChangesAsync();
        });
        await ScoreAsync(member, appId, first: 65, rest: 65, "质量目标分解到各业务单元并按季度考核。", "对流失顾客的原因分析尚未形成制度。");
        await ScoreAsync(leader, appId, first: 90, rest: 60, "领导层定期评审顾客满意度指标并据此配置资源。", "高层对一线投诉的直接关注缺少制度安排。");
    }

    private Task ScoreAsync(TestReviewer reviewer, Guid appId, int first, int rest, string strength, string opportunity) =>
        app.WithScopeAsync(async sp =>
        {
            var scoring = sp.GetRequiredService<ScoringWorkflow>();
            var sheet = await scoring.OpenAsync(reviewer.Persona.UserId, appId) ?? throw new Xunit.Sdk.XunitException("评审员无法打开评分表");
            var items = sheet.Items.Select((i, k) => new ItemScore
            {
                ItemCode = i.ItemCode, Percent = k == 0 ? first : rest,
                Strengths = k == 0 ? [new ReviewComment { Text = strength }] : [],
                Opportunities = k == 0 ? [new ReviewComment { Text = opportunity }] : [],
            }).ToList();
            await scoring.SubmitAsync(sheet, items, sheet.Version);
        });

    private async Task QualifyAsync(Guid appId) => await app.WithDbAsync(async db =>
    {
        var a = await db.Set<Application>().FirstAsync(x => x.Id == appId);
        a.Recommend("同意推荐。该组织用户满意工作成效显著。", Guid.NewGuid(), "recommender", app.Clock.GetUtcNow());
        a.PassQualification(app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    });

    private static string PdfText(string path)
    {
        var psi = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "pdftotext failed: " + p.StandardError.ReadToEnd());
        return text;
    }
}
