using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>The application form in Chromium: live word counts, autosave, and what happens when the login expires.</summary>
public class ApplicationFormJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 180_000)]
    public async Task The_word_counter_counts_like_the_server_turns_red_over_the_limit_and_autosave_keeps_the_text()
    {
        await ApplicationsBuilders.OpenCycleAsync(app);
        await ApplicationsBuilders.UpdateSettingsAsync(app, s => s.SelfEvaluationSectionWordLimit = 40);
        var body = await Cast.RecommenderAsync(app);
        var applicant = await Cast.ApplicantAsync(app);
        var id = await ApplicationsBuilders.DraftAsync(app, applicant);
        var page = await app.SignedInPageAsync(applicant);

        await page.GotoAsync($"/Applications/Edit/{id}/SelfEvaluation", Nav.Goto);
        string[] samples = ["全国用户满意标杆", "用户满意度达到85.3%。", "“顾客满意”——GB/T 19039", "CRM系统 v2.0 上线", "ＡＢＣ１２３ 𠀀"];
        foreach (var sample in samples)
            Assert.Equal(WordCount.Count(sample), await page.EvaluateAsync<int>("t => window.biaoganWordCount(t)", sample));

        var first = page.Locator("#section-0");
        await first.FillAsync("以用户为中心，满意度达到85.3%。");
        Assert.Equal("已写 14 字 / 上限 40 字", (await page.Locator("#count-0").InnerTextAsync()).Trim());
        await first.FillAsync(string.Concat(Enumerable.Repeat("以用户为中心。", 7)));
        await Assertions.Expect(page.Locator("#count-0")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("over"));
        Assert.Contains("超出 9 字", await page.Locator("#count-0").InnerTextAsync());
        await app.ScreenshotAsync(page, "application-self-evaluation");

        // Leaving the page (here: the pagehide event) saves the draft.
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('pagehide'))");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("已自动保存 10:00");
        var saved = await ApplicationsBuilders.LoadAsync(app, id);
        Assert.StartsWith("以用户为中心。以用户为中心。", saved.SelfEvaluation[0].Text);

        // Going to another tab saves first.
        await page.Locator("#section-2").FillAsync("切换标签前写的资源部分。");
        await page.Locator(".tabs a", new() { HasText = "推荐单位" }).ClickAsync();
        await Nav.ToAsync(page, $"**/Applications/Edit/{id}/Recommender");
        Assert.Equal("切换标签前写的资源部分。", (await ApplicationsBuilders.LoadAsync(app, id)).SelfEvaluation[2].Text);
        await page.GotoAsync($"/Applications/Edit/{id}/SelfEvaluation", Nav.Goto);

        // The login expires: autosave says so, stops, and the text stays in the page.
        await page.Context.ClearCookiesAsync();
        await page.Locator("#section-1").FillAsync("登录过期后继续写的内容。");
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('pagehide'))");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("登录已过期，请在新窗口登录后再保存，本页内容仍在");
        Assert.Equal("登录过期后继续写的内容。", await page.Locator("#section-1").InputValueAsync());
        await app.ScreenshotAsync(page, "application-session-expired");
    }

    [Fact(Timeout = 180_000)]
    public async Task Autosave_stops_with_the_concurrency_message_when_someone_else_saved_first()
    {
        var body = await Cast.RecommenderAsync(app, "推荐单位丁");
        var applicant = await Cast.ApplicantAsync(app, "申报单位庚有限公司");
        var id = await ApplicationsBuilders.DraftAsync(app, applicant);
        var mine = await app.SignedInPageAsync(applicant);
        var theirs = await app.SignedInPageAsync(applicant);
        await mine.GotoAsync($"/Applications/Edit/{id}", Nav.Goto);
        await theirs.GotoAsync($"/Applications/Edit/{id}", Nav.Goto);

        await theirs.Locator("#Input_ServiceName").FillAsync("他人先保存的名称");
        await theirs.Locator("button.btn", new() { HasText = "保存" }).First.ClickAsync();
        await Assertions.Expect(theirs.Locator(".alert-success")).ToContainTextAsync("已保存");

        await mine.Locator("#Input_ServiceName").FillAsync("我正在输入的名称");
        await mine.EvaluateAsync("() => window.dispatchEvent(new Event('pagehide'))");
        await Assertions.Expect(mine.Locator("#autosave-status")).ToContainTextAsync("已被他人修改并保存");
        Assert.Equal("我正在输入的名称", await mine.Locator("#Input_ServiceName").InputValueAsync());
        await app.ScreenshotAsync(mine, "application-basic-conflict");
    }

    [Fact(Timeout = 180_000)]
    public async Task Every_tab_of_a_complete_application_renders_for_a_screenshot()
    {
        await ApplicationsBuilders.UpdateSettingsAsync(app, s => s.SelfEvaluationSectionWordLimit = 8000);
        var body = await Cast.RecommenderAsync(app, "推荐单位戊（北京市质量协会）");
        var applicant = await Cast.ApplicantAsync(app, "申报单位辛有限公司");
        var id = await ApplicationsBuilders.CompleteAsync(app, applicant, body);
        var page = await app.SignedInPageAsync(applicant);
        foreach (var (url, name) in new[] { ("", "basic"), ("/Conditions", "conditions"), ("/Evidence", "evidence"), ("/Recommender", "recommender") })
        {
            await page.GotoAsync($"/Applications/Edit/{id}{url}", Nav.Goto);
            Assert.Equal("申报表", (await page.TitleAsync())[..3]);
            await app.ScreenshotAsync(page, $"application-{name}");
        }
        await page.GotoAsync("/Applications", Nav.Goto);
        await app.ScreenshotAsync(page, "applications-list");
        await page.GotoAsync($"/Applications/Details/{id}", Nav.Goto);
        await page.Locator("#submit-form button").ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("申报已提交");
        await app.ScreenshotAsync(page, "application-details");
    }
}
