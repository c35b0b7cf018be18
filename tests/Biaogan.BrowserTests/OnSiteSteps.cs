using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// The steps of 现场评审 in the browser, one public method per step, so that a longer journey (on-site review → 综合评价 →
/// 公示 → 审定 → certificate) can chain them. Each takes a page signed in as the right person and leaves it on the
/// visit's page.
/// </summary>
public static class OnSiteSteps
{
    /// <summary>The office forms the on-site teams with the solver (专家组分配, stage 现场评审) and applies the plan.</summary>
    public static async Task FormTeamsAsync(IPage office, Guid cycleId, string reason = "评审员人数有限，按现有人员组建现场评审专家组。")
    {
        await office.GotoAsync($"/Assignment?CycleId={cycleId}&Stage=OnSite", Nav.Goto);
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("入围现场评审的申报");
        await office.CheckAsync("input[name=Kind][value=Full]");
        await office.FillAsync("#TimeLimitSeconds", "5");
        await office.ClickAsync("button:has-text('开始求解')");
        await Nav.ToAsync(office, new Regex("/Assignment/Jobs/[0-9a-f-]{36}$"));
        await office.Locator("#job-actions a").WaitForAsync(new() { Timeout = 120_000 });
        await office.ClickAsync("#job-actions a");
        await Nav.ToAsync(office, new Regex("/Assignment/Plans/[0-9a-f-]{36}$"));
        if (await office.Locator("#Reason").CountAsync() > 0) await office.FillAsync("#Reason", reason);
        await office.ClickAsync("button:has-text('执行方案')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("方案已执行");
    }

    /// <summary>A reviewer signs the declaration of their on-site seat from the task list and opens the visit.</summary>
    public static async Task DeclareAsync(IPage reviewer)
    {
        // Under load the click once landed before the list had settled and the navigation never came within 30 s: wait
        // for the loaded page and the visible link, click it, and give the navigation the time a loaded machine needs.
        await reviewer.GotoAsync("/Assignment/Mine", new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 90_000 });
        var sign = reviewer.Locator("main table tr:has-text('现场评审') a:has-text('签署声明')").First;
        await sign.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 90_000 });
        await sign.ClickAsync(new() { Timeout = 90_000 });
        await Nav.ToAsync(reviewer, "**/Conflicts/Declare/**", 90_000);
        await reviewer.Locator("#sign-form input[name=Accept]").CheckAsync();
        await reviewer.Locator("#sign-form button[type=submit]").ClickAsync();
        await Assertions.Expect(reviewer.Locator("#declared")).ToBeVisibleAsync();
        await reviewer.ClickAsync("a:has-text('进入现场评审')");
        await Nav.ToAsync(reviewer, "**/OnSite/Visit/**");
    }

    /// <summary>The office creates the visits of the shortlisted applications whose team is formed.</summary>
    public static async Task PrepareVisitsAsync(IPage office, Guid cycleId)
    {
        await office.GotoAsync($"/OnSite?cycleId={cycleId}", Nav.Goto);
        await office.ClickAsync("button:has-text('建立现场评审记录')");
        await Assertions.Expect(office.Locator(".alert-success, .alert-info").First).ToContainTextAsync("新建现场评审记录");
    }

    /// <summary>The office or the 组长 proposes dates, one site and a two-line agenda.</summary>
    public static async Task ProposeScheduleAsync(IPage page, Guid applicationId, string start, string end, string site)
    {
        await page.GotoAsync($"/OnSite/Visit/{applicationId}", Nav.Goto);
        await ProposeScheduleHereAsync(page, start, end, site);
    }

    /// <summary>As <see cref="ProposeScheduleAsync"/>, on the visit's page the person has already opened.</summary>
    public static async Task ProposeScheduleHereAsync(IPage page, string start, string end, string site)
    {
        await page.FillAsync("#StartDate", start);
        await page.FillAsync("#EndDate", end);
        await page.FillAsync("#SitesText", site);
        await page.FillAsync("input[name='Agenda[0].Time']", "第一天 09:00—09:30");
        await page.FillAsync("input[name='Agenda[0].Activity']", "首次会议");
        await page.FillAsync("input[name='Agenda[0].Participants']", "专家组全体、组织高层领导");
        await page.FillAsync("input[name='Agenda[1].Time']", "第二天 15:00—16:00");
        await page.FillAsync("input[name='Agenda[1].Activity']", "末次会议，反馈现场评审发现");
        await page.FillAsync("input[name='Agenda[1].Participants']", "专家组全体、组织高层领导");
        await page.ClickAsync("button:has-text('提出日程并通知申报组织')");
        await Assertions.Expect(page.Locator("#schedule")).ToContainTextAsync("待申报组织确认");
    }

    /// <summary>The organisation opens the schedule from its application page and agrees to it.</summary>
    public static async Task AgreeScheduleAsync(IPage organisation, Guid applicationId)
    {
        await organisation.GotoAsync($"/Applications/Details/{applicationId}", Nav.Goto);
        await organisation.ClickAsync("#onsite-notice a");
        await Nav.ToAsync(organisation, $"**/OnSite/Schedule/{applicationId}");
        await organisation.ClickAsync("button:has-text('确认日程')");
        await Assertions.Expect(organisation.Locator("main .badge").First).ToHaveTextAsync("已确认");
    }

    /// <summary>The office or the 组长 carries the first flagged doubt of the document review over as a 待核实问题.</summary>
    public static async Task RaiseFirstDoubtAsync(IPage page, Guid applicationId)
    {
        await page.GotoAsync($"/OnSite/Visit/{applicationId}", Nav.Goto);
        var before = await page.Locator("#issues article").CountAsync();
        await page.ClickAsync("#doubts summary");
        await page.Locator("#doubts form button:has-text('列为待核实问题')").First.ClickAsync();
        await Assertions.Expect(page.Locator("#issues article")).ToHaveCountAsync(before + 1);
    }

    /// <summary>A team member closes the first open issue; <paramref name="toPercent"/> set means 调整评分.</summary>
    public static async Task CloseFirstIssueAsync(IPage page, Guid applicationId, int? toPercent, string interview, string documents)
    {
        await page.GotoAsync($"/OnSite/Visit/{applicationId}", Nav.Goto);
        var issue = page.Locator("#issues article:has(details)").First;
        await issue.Locator("summary").ClickAsync();
        await issue.Locator($"input[name=Outcome][value={(toPercent is null ? "Verified" : "ScoreChanged")}]").CheckAsync();
        if (toPercent is { } p) await issue.Locator("select[name=ToPercent]").SelectOptionAsync(p.ToString());
        await issue.Locator("textarea[name=InterviewNotes]").FillAsync(interview);
        await issue.Locator("textarea[name=DocumentNotes]").FillAsync(documents);
        await issue.Locator("button:has-text('关闭该问题')").ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("已记录核实结果");
    }

    /// <summary>The 组长 writes the problems found and the opinion, saves, and approves the report.</summary>
    public static async Task ApproveAsLeaderAsync(IPage leader, Guid applicationId, string problems, string opinion)
    {
        await leader.GotoAsync($"/OnSite/Visit/{applicationId}", Nav.Goto);
        await leader.FillAsync("#ProblemsText", problems);
        await leader.FillAsync("#Opinion", opinion);
        await leader.ClickAsync("button:has-text('保存现场评分和意见')");
        await Assertions.Expect(leader.Locator(".alert-success")).ToContainTextAsync("已保存");
        await leader.ClickAsync("button:has-text('组长确认现场评审报告')");
        await Assertions.Expect(leader.Locator("h1 .badge")).ToHaveTextAsync("组长已确认");
    }

    /// <summary>The office approves the report (both scores computed) and releases it to the organisation.</summary>
    public static async Task ApproveReportAsync(IPage office, Guid applicationId)
    {
        await office.GotoAsync($"/OnSite/Visit/{applicationId}", Nav.Goto);
        await office.ClickAsync("button:has-text('活动办公室确认报告')");
        await Assertions.Expect(office.Locator("h1 .badge")).ToHaveTextAsync("办公室已确认");
        await office.ClickAsync("button:has-text('发送给申报组织')");
        await Assertions.Expect(office.Locator("h1 .badge")).ToHaveTextAsync("已发送组织");
    }

    /// <summary>The organisation downloads its released report from the application page; returns the PDF's bytes.</summary>
    public static async Task<byte[]> DownloadReportAsync(IPage organisation, Guid applicationId)
    {
        await organisation.GotoAsync($"/Applications/Details/{applicationId}", Nav.Goto);
        var download = await organisation.RunAndWaitForDownloadAsync(() => organisation.ClickAsync("#onsite-notice a:has-text('下载现场评审报告')"));
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }
}
