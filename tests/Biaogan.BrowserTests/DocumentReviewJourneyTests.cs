using System.Diagnostics;
using System.Text.RegularExpressions;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// 资料评审 in Chromium from end to end: the office solves, previews and applies the expert groups; each reviewer signs the
/// declaration, reads the application and scores every item; the 组长 agrees the consensus; a committee member votes; the
/// office records and finalises the shortlist, then generates, approves and releases the feedback report; the applicant
/// downloads the PDF. Screenshots of every step are kept as test artifacts (docreview-NN-…).
/// </summary>
public class DocumentReviewJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string ApplicantName = "明德家电科技股份有限公司";
    private const string GroupStrength = "建立了覆盖产品全生命周期的顾客之声收集渠道";
    private const string GroupOpportunity = "满意度测评结果向设计改进的传递缺少闭环验证";

    [Fact(Timeout = 300_000)]
    public async Task Reviewers_score_the_leader_agrees_the_committee_shortlists_and_the_applicant_downloads_its_feedback()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app, groupSize: 2);
        var applicant = await Cast.ApplicantAsync(app, ApplicantName);
        var appId = await ApplicationsBuilders.SubmittedAsync(app, applicant, await Cast.RecommenderAsync(app, "华北地区质量协会"));
        await QualifyAsync(appId);
        var leader = await AssignmentTestKit.ReviewerAsync(app, "陈思远", "北京卓越质量咨询有限公司", "11", leader: true);
        var member = await AssignmentTestKit.ReviewerAsync(app, "黄立群", "上海质量技术研究院", "31");
        var committee = await RankingBuilders.CommitteeAsync(app, "吴振华");

        // 1. 活动办公室求解、预览并执行分配方案
        var office = await app.SignedInPageAsync(await Cast.OfficeAsync(app));
        await office.GotoAsync($"/Assignment?cycleId={cycle.Id}");
        await app.ScreenshotAsync(office, "docreview-01-assignment");
        await office.CheckAsync("input[name=Kind][value=Full]");
        await office.FillAsync("#TimeLimitSeconds", "5");
        await office.ClickAsync("button:has-text('开始求解')");
        await office.WaitForURLAsync(new Regex("/Assignment/Jobs/[0-9a-f-]{36}$"));
        await office.Locator("#job-actions a").WaitForAsync(new() { Timeout = 120_000 });
        await app.ScreenshotAsync(office, "docreview-02-job");
        await office.ClickAsync("#job-actions a");
        await office.WaitForURLAsync(new Regex("/Assignment/Plans/[0-9a-f-]{36}$"));
        await app.ScreenshotAsync(office, "docreview-03-plan-preview");
        if (await office.Locator("#Reason").CountAsync() > 0) await office.FillAsync("#Reason", "评审员人数有限，按现有人员组建专家组。");
        await office.ClickAsync("button:has-text('执行方案')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("方案已执行");
        await app.ScreenshotAsync(office, "docreview-04-plan-applied");

        // Another application of the category, already scored by its own group, so that the committee compares two.
        var rival = (await RankingBuilders.ScoredAsync(app, AwardCategory.Enterprise, [85]))[0];

        // 2–4. 每位评审员：任务列表 → 签署声明 → 查阅申报材料 → 独立评分并提交（组员先，组长后）
        var memberPage = await ScoreAsync(member, appId, 5, "member", percent: i => 60 + i % 3 * 5,
            "质量目标分解到各业务单元并按季度考核。", "对流失顾客的原因分析尚未形成制度。");
        var leaderPage = await ScoreAsync(leader, appId, 10, "leader", percent: i => i == 0 ? 90 : 55 + i % 4 * 5,
            "领导层定期评审顾客满意度指标并据此配置资源。", "高层对一线投诉的直接关注缺少制度安排。");

        // 5. 组长确认一致性评审结果
        await leaderPage.GotoAsync($"/DocumentReview/Consensus/{appId}");
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
        await memberPage.GotoAsync($"/DocumentReview/Consensus/{appId}");
        await Assertions.Expect(memberPage.Locator("main")).ToContainTextAsync(GroupOpportunity);

        // 6. 评审委员会：办公室公开名称，委员投票（不入围，附理由）
        await office.GotoAsync("/DocumentReview/Shortlist");
        await office.ClickAsync("button:has-text('向评审委员会公开申报组织名称')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("已向评审委员会公开");
        var voter = await app.SignedInPageAsync(committee);
        await voter.GotoAsync("/DocumentReview/Shortlist");
        var row = voter.Locator("tr", new() { HasText = ApplicantName });
        await row.Locator("input[name=Select][value=false]").CheckAsync();
        await row.Locator("input[name=Reason]").FillAsync("一致性总分低于同类别申报，测评结果应用的证据不足。");
        await row.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(voter.Locator(".alert-success")).ToContainTextAsync("不入围");
        await app.ScreenshotAsync(voter, "docreview-17-committee-vote");

        // 7. 办公室记录评议结果并确定入围名单
        await office.GotoAsync("/DocumentReview/Shortlist");
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
        await office.GotoAsync("/DocumentReview/Shortlist");
        await office.ClickAsync("button:has-text('确定入围名单')");
        await Assertions.Expect(office.Locator("#shortlist-status")).ToHaveTextAsync("入围名单已确定");
        await app.ScreenshotAsync(office, "docreview-18-shortlist-final");

        // 8. 办公室生成、审定并发放反馈报告
        await office.ClickAsync("a:has-text('资料评审反馈报告')");
        await office.WaitForURLAsync("**/DocumentReview/Feedback**");
        await office.ClickAsync("button:has-text('生成反馈报告草稿')");
        await Assertions.Expect(office.Locator("tr", new() { HasText = ApplicantName })).ToContainTextAsync("PDF");
        await Assertions.Expect(office.Locator("main")).Not.ToContainTextAsync(rival.Name);
        await app.ScreenshotAsync(office, "docreview-19-feedback-list");
        await office.Locator("tr", new() { HasText = ApplicantName }).Locator("a:has-text('审核')").ClickAsync();
        await office.WaitForURLAsync($"**/DocumentReview/Feedback/Edit/{appId}");
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync(GroupStrength);
        await app.ScreenshotAsync(office, "docreview-20-feedback-edit");
        await office.ClickAsync("button:has-text('保存并审定')");
        await office.ClickAsync("button:has-text('发放给申报组织')");
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("报告已发放");
        await app.ScreenshotAsync(office, "docreview-21-feedback-released");

        // 9. 申报组织看到通知并下载 PDF
        var org = await app.SignedInPageAsync(applicant);
        await org.GotoAsync($"/Applications/Details/{appId}");
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
        await org.GotoAsync($"/DocumentReview/Feedback/View/{appId}");
        await app.ScreenshotAsync(org, "docreview-23-applicant-view");
    }

    /// <summary>The reviewer's own path: task list, declaration, the application, the score sheet submitted. Returns the page.</summary>
    private async Task<IPage> ScoreAsync(TestReviewer reviewer, Guid appId, int n, string who, Func<int, int> percent, string strength, string opportunity)
    {
        var page = await app.SignedInPageAsync(reviewer.Persona);
        await page.GotoAsync("/Assignment/Mine");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync(ApplicantName);
        await app.ScreenshotAsync(page, $"docreview-{n:D2}-mine-{who}");
        await page.ClickAsync("main table a:has-text('签署声明')");
        await page.WaitForURLAsync("**/Conflicts/Declare/**");
        await Assertions.Expect(page.Locator("#org-name")).ToHaveTextAsync(ApplicantName);
        await page.Locator("#sign-form input[name=Accept]").CheckAsync();
        await page.Locator("#sign-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#declared")).ToContainTextAsync("签署声明和保密承诺");
        await app.ScreenshotAsync(page, $"docreview-{n + 1:D2}-declared-{who}");

        await page.ClickAsync("a:has-text('查阅申报材料并评分')");
        await page.WaitForURLAsync($"**/DocumentReview/Sheet/{appId}");
        await page.ClickAsync("a:has-text('查看申报材料')");
        await page.WaitForURLAsync($"**/DocumentReview/Application/{appId}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(ApplicantName);
        await app.ScreenshotAsync(page, $"docreview-{n + 2:D2}-application-{who}");

        await page.GotoAsync($"/DocumentReview/Sheet/{appId}");
        var selects = await page.Locator("select[id^='pct-']").AllAsync();
        Assert.NotEmpty(selects);
        for (var i = 0; i < selects.Count; i++) await selects[i].SelectOptionAsync(percent(i).ToString());
        await AddCommentAsync(page, "Strengths-0", strength);
        await AddCommentAsync(page, "Opportunities-0", opportunity);
        await app.ScreenshotAsync(page, $"docreview-{n + 3:D2}-sheet-{who}");
        await page.ClickAsync("button:has-text('提交评分表')");
        await Assertions.Expect(page.Locator(".badge", new() { HasText = "已提交" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(strength);
        await app.ScreenshotAsync(page, $"docreview-{n + 4:D2}-sheet-submitted-{who}");
        return page;
    }

    /// <summary>Adds one row to a comment list of the sheet, cites the first section of the self-evaluation report, pages 3-5.</summary>
    private static async Task AddCommentAsync(IPage page, string table, string text)
    {
        await page.ClickAsync($"button[data-add-row='{table}']");
        var last = page.Locator($"#{table} tbody tr").Last;
        await last.Locator("textarea").FillAsync(text);
        await last.Locator("select").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await last.Locator("input").FillAsync("3-5");
    }

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
