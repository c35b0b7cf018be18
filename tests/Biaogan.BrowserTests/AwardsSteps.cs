using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// The awards steps a person performs in the browser, for chaining into the whole journey from on-site review to the
/// certificate: the office manages a benchmark (plaque, certificate, status), anyone verifies a certificate.
/// </summary>
public static class AwardsSteps
{
    /// <summary>The office opens the year's list and the benchmark of <paramref name="organization"/>; returns on its page.</summary>
    public static async Task OpenBenchmarkAsync(IPage office, int year, string organization)
    {
        await office.GotoAsync($"/Awards?year={year}", Nav.Goto);
        await office.Locator("tr", new() { HasText = organization }).GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();
        await Assertions.Expect(office.Locator("h1")).ToContainTextAsync(organization);
    }

    /// <summary>On the benchmark's page: records the plaque as made and delivered.</summary>
    public static async Task RecordPlaqueAsync(IPage office, string number, DateOnly madeOn, DateOnly deliveredOn, string recipient)
    {
        await office.FillAsync("#Plaque_Number", number);
        await office.FillAsync("#Plaque_MadeOn", madeOn.ToString("yyyy-MM-dd"));
        await office.FillAsync("#Plaque_DeliveredOn", deliveredOn.ToString("yyyy-MM-dd"));
        await office.FillAsync("#Plaque_Recipient", recipient);
        await office.ClickAsync("button:has-text('保存奖牌登记')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("奖牌登记已保存");
    }

    /// <summary>On the benchmark's page (office) or /Awards/Mine (the winner): downloads the certificate; returns the PDF bytes.</summary>
    public static async Task<byte[]> DownloadCertificateAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a:has-text('下载证书（PDF）')").First.ClickAsync());
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    /// <summary>Anyone: types a certificate number and code into the verification form; returns the answer's heading.</summary>
    public static async Task<string> VerifyAsync(IPage page, string number, string code)
    {
        await page.GotoAsync("/Public/Verify", Nav.Goto);
        await page.FillAsync("#number", number);
        await page.FillAsync("#code", code);
        await page.ClickAsync("button:has-text('核验')");
        return (await page.Locator("#result-h").InnerTextAsync()).Trim();
    }

    /// <summary>True when the page fits the viewport's width (no sideways scrolling on a phone).</summary>
    public static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
