using System.Diagnostics;
using Biaogan.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// 现场评审 in Chromium from end to end: the office forms the on-site team with the solver and creates the visit; the
/// reviewers declare; the 组长 proposes the schedule and the organisation agrees on its application page; a doubt of the
/// document review becomes a 待核实问题 and is closed on site with a score change; the 组长 and the office approve; the
/// organisation downloads the Chinese PDF. Screenshots of every step are kept as test artifacts (onsite-NN-…).
/// </summary>
public class OnSiteJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string OrganizationName = "华信通信服务股份有限公司";

    [Fact(Timeout = 300_000)]
    public async Task The_team_visits_the_shortlisted_organisation_verifies_the_doubts_and_the_organisation_downloads_its_report()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app, groupSize: 2);
        await ApplicationsBuilders.UpdateSettingsAsync(app, s => s.OnSiteGroupSize = 2);
        var applicant = await Cast.ApplicantAsync(app, OrganizationName);
        var appId = (await OnSiteTestKit.ShortlistedAsync(app, [70], [true], [applicant]))[0].Id;
        var leader = await AssignmentTestKit.ReviewerAsync(app, "陈思远", "北京卓越质量咨询有限公司", "11", leader: true);
        var member = await AssignmentTestKit.ReviewerAsync(app, "黄立群", "上海质量技术研究院", "31");
        var office = await app.SignedInPageAsync(await Cast.OfficeAsync(app));
        await OnSiteSteps.FormTeamsAsync(office, cycle.Id);
        await app.ScreenshotAsync(office, "onsite-01-team-formed");
        await OnSiteSteps.PrepareVisitsAsync(office, cycle.Id);
        await app.ScreenshotAsync(office, "onsite-02-visits");

        var leaderPage = await app.SignedInPageAsync(leader.Persona);
        await OnSiteSteps.DeclareAsync(leaderPage);
        var memberPage = await app.SignedInPageAsync(member.Persona);
        await OnSiteSteps.DeclareAsync(memberPage);

        // The visit starts today (China Standard Time): nothing of the visit may be recorded before its first day.
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        await OnSiteSteps.ProposeScheduleAsync(leaderPage, appId, today.ToString("yyyy-MM-dd"), today.AddDays(1).ToString("yyyy-MM-dd"),
            "北京市朝阳区建国路1号 公司总部");
        await OnSiteSteps.RaiseFirstDoubtAsync(leaderPage, appId);
        await app.ScreenshotAsync(leaderPage, "onsite-03-schedule-and-issue");

        var orgPage = await app.SignedInPageAsync(applicant);
        await OnSiteSteps.AgreeScheduleAsync(orgPage, appId);
        await app.ScreenshotAsync(orgPage, "onsite-04-schedule-agreed");

        await OnSiteSteps.CloseFirstIssueAsync(memberPage, appId, 80, "访谈客服中心主任：投诉48小时闭环率98%。", "查阅2025年投诉台账和回访记录。");
        await app.ScreenshotAsync(memberPage, "onsite-05-issue-closed");
        await OnSiteSteps.ApproveAsLeaderAsync(leaderPage, appId, "部分营业厅回访记录不完整\n满意度测评未覆盖政企客户",
            "该组织以用户为中心的理念在各层级得到落实，投诉处理闭环有效。");
        await app.ScreenshotAsync(leaderPage, "onsite-06-leader-approved");
        await OnSiteSteps.ApproveReportAsync(office, appId);
        await app.ScreenshotAsync(office, "onsite-07-released");

        var pdf = await OnSiteSteps.DownloadReportAsync(orgPage, appId);
        var text = PdfText(pdf);
        Assert.Contains("现场评审报告", text);
        Assert.Contains(OrganizationName, text);
        Assert.Contains("调整评分", text);
    }

    private static string PdfText(byte[] pdf)
    {
        var path = Path.Combine(BrowserFixture.ArtifactsDir, "onsite-report.pdf");
        File.WriteAllBytes(path, pdf);
        var psi = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
