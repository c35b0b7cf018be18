using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// 证书与核验 in Chromium: the office records the plaque and downloads the certificate, the winner downloads it too, and a
/// member of the public verifies it on a 390×844 phone screen — genuine, then revoked after the leading group's decision on a case, and a
/// forged code. Screenshots are kept as test artifacts (awards-NN-…).
/// </summary>
public class AwardsJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 240_000)]
    public async Task The_office_records_and_downloads_and_the_public_verifies_the_certificate_on_a_phone()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "澄明智能家电股份有限公司");
        var award = winner.Award;

        var office = await app.SignedInPageAsync(await Cast.OfficeAsync(app));
        await AwardsSteps.OpenBenchmarkAsync(office, award.Year, "澄明智能家电股份有限公司");
        await AwardsSteps.RecordPlaqueAsync(office, "JP-2026-001", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 26), "王建国（总经理）");
        await app.ScreenshotAsync(office, "awards-01-office-benchmark");
        var pdf = await AwardsSteps.DownloadCertificateAsync(office);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        await office.GotoAsync($"/Awards?year={award.Year}");
        await Assertions.Expect(office.Locator("main table")).ToContainTextAsync("已交付");
        await app.ScreenshotAsync(office, "awards-00-office-list");
        await office.GotoAsync("/Awards/Seal");
        await app.ScreenshotAsync(office, "awards-00-office-seal");
        await AwardsSteps.OpenBenchmarkAsync(office, award.Year, "澄明智能家电股份有限公司");

        var own = await app.SignedInPageAsync(winner.Contact);
        await own.GotoAsync("/Awards/Mine");
        await Assertions.Expect(own.Locator("main")).ToContainTextAsync("第三十二条");
        await app.ScreenshotAsync(own, "awards-02-winner");
        Assert.Equal("%PDF-"u8.ToArray(), (await AwardsSteps.DownloadCertificateAsync(own))[..5]);

        var phone = await app.NewPageAsync(390, 844);
        Assert.Equal("证书真实有效", await AwardsSteps.VerifyAsync(phone, award.CertificateNumber, award.VerificationCode.ToLowerInvariant()));
        Assert.True(await AwardsSteps.FitsWidthAsync(phone));
        await app.ScreenshotAsync(phone, "awards-03-phone-genuine");
        Assert.Equal("未查到该证书", await AwardsSteps.VerifyAsync(phone, award.CertificateNumber, "ABCDEFGHJK"));
        await app.ScreenshotAsync(phone, "awards-04-phone-forged");

        // Revocation only through a decided supervision case (decision 0030): the office opens and submits it,
        // a leading-group member votes and the office records the decision (the workflow the pages and the API call).
        await SupervisionKit.RevokeThroughWorkflowAsync(app, award.Id, "获奖后发生重大质量事故，经确认撤销称号。");
        Assert.Equal("证书真实，但标杆称号已撤销", await AwardsSteps.VerifyAsync(phone, award.CertificateNumber, award.VerificationCode));
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("获奖后发生重大质量事故");
        await app.ScreenshotAsync(phone, "awards-05-phone-revoked");

        await phone.GotoAsync("/Public/Benchmarks");
        await Assertions.Expect(phone.Locator("table.registry")).ToContainTextAsync("已撤销");
        Assert.True(await AwardsSteps.FitsWidthAsync(phone));
        await app.ScreenshotAsync(phone, "awards-06-phone-registry");
        Assert.Equal(AwardCategory.Enterprise, award.Category);
    }
}
