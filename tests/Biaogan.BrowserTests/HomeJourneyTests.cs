namespace Biaogan.BrowserTests;

public class HomeJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task A_visitor_sees_the_Chinese_home_page_in_Chromium()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/", Nav.Goto);
        Assert.Equal("全国用户满意标杆", (await page.Locator("h1").First.InnerTextAsync()).Trim());
        await app.ScreenshotAsync(page, "home");
    }
}
