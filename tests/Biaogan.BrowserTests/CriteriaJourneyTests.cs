using Biaogan.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>The office revises the T/CAQ 10301-2016 template: copy as a draft, fix points, publish the new version.</summary>
public class CriteriaJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 180_000)]
    public async Task The_office_copies_a_template_corrects_points_and_publishes_a_new_version()
    {
        var page = await app.SignedInPageAsync(await Cast.OfficeAsync(app));
        await page.GotoAsync("/Criteria", Nav.Goto);
        await app.ScreenshotAsync(page, "criteria-list");
        await page.Locator("#versions a", new() { HasTextString = "《顾客关系管理评价准则》" }).First.ClickAsync();
        await Nav.ToAsync(page, "**/Criteria/Details/**");
        Assert.Contains("校验通过", await page.Locator("#validation").InnerTextAsync());
        await app.ScreenshotAsync(page, "criteria-details");

        await page.Locator("#copy-form button").ClickAsync();
        await Nav.ToAsync(page, "**/Criteria/Edit/**");
        await page.FillAsync("#Form_Categories_1__Items_0__Points", "30");
        await page.Locator("button[value=save]").ClickAsync();
        await page.Locator("[role=status]", new() { HasTextString = "已保存草稿" }).WaitForAsync();
        Assert.Contains("比类目分值 120 分少 10 分", await page.Locator("#validation").InnerTextAsync());
        await app.ScreenshotAsync(page, "criteria-edit");

        await page.FillAsync("#Form_Categories_1__Items_1__Points", "50");
        await page.Locator("#Form_Categories_1__Items_1__Pending").UncheckAsync();
        await page.Locator("button[value=publish]").ClickAsync();
        await Nav.ToAsync(page, "**/Criteria/Details/**");
        Assert.Contains("已发布", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("T/CAQ 10301-2016（第2版）", await page.Locator(".kv").InnerTextAsync());
        await app.ScreenshotAsync(page, "criteria-published");
    }
}
