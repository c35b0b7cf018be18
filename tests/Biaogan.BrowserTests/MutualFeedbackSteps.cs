using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>The steps of 双向反馈 (第三十条) in Chromium, for this feature's journey and the lead's end-to-end journey.</summary>
public static class MutualFeedbackSteps
{
    /// <summary>A user of the organisation rates the reviewer named <paramref name="reviewer"/> with <paramref name="score"/> on every question.</summary>
    public static async Task RateReviewerAsync(IPage applicant, string reviewer, int score, string comments)
    {
        await applicant.GotoAsync("/MutualFeedback/Mine", Nav.Goto);
        await applicant.Locator("tr", new() { HasText = reviewer }).Locator("a:has-text('评价')").ClickAsync();
        await FillAndSubmitAsync(applicant, score, comments);
    }

    /// <summary>A reviewer of the on-site team rates the organisation named <paramref name="organization"/>.</summary>
    public static async Task RateOrganizationAsync(IPage reviewer, string organization, int score, string comments)
    {
        await reviewer.GotoAsync("/MutualFeedback/Mine", Nav.Goto);
        await reviewer.Locator("tr", new() { HasText = organization }).Locator("a:has-text('评价')").ClickAsync();
        await FillAndSubmitAsync(reviewer, score, comments);
    }

    /// <summary>The office opens the cycle's overview and then the visit of <paramref name="organization"/>.</summary>
    public static async Task OfficeOpensVisitAsync(IPage office, string organization)
    {
        await office.GotoAsync("/MutualFeedback", Nav.Goto);
        await office.Locator("#feedback-overview tr", new() { HasText = organization }).Locator("a:has-text('查看')").ClickAsync();
        await Assertions.Expect(office.Locator("h1")).ToContainTextAsync(organization);
    }

    private static async Task FillAndSubmitAsync(IPage page, int score, string comments)
    {
        foreach (var fieldset in await page.Locator("fieldset.rating").AllAsync())
            await fieldset.Locator($"input[type=radio][value='{score}']").CheckAsync();
        await page.FillAsync("#Comments", comments);
        await page.ClickAsync("button:has-text('提交评价')");
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("评价已反馈给活动办公室并锁定");
    }
}
