using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// 证书与核验 in Chromium: the office records the plaque and downloads the certificate, the winner downloads it too, and a
/// member of the public verifies it on a 390×844 phone screen — genuine, a forged code, and revoked after the winner's late incident
/// report (第二十六条) became a case the leading group decided, every step in the browser. Screenshots are kept as test artifacts (awards-NN-…).
/// </summary>
public class AwardsJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 360_000)]
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
        await office.GotoAsync($"/Awards?year={award.Year}", Nav.Goto);
        await Assertions.Expect(office.Locator("main table")).ToContainTextAsync("已交付");
        await app.ScreenshotAsync(office, "awards-00-office-list");
        await office.GotoAsync("/Awards/Seal", Nav.Goto);
        await app.ScreenshotAsync(office, "awards-00-office-seal");
        await AwardsSteps.OpenBenchmarkAsync(office, award.Year, "澄明智能家电股份有限公司");

        var own = await app.SignedInPageAsync(winner.Contact);
        await own.GotoAsync("/Awards/Mine", Nav.Goto);
        await Assertions.Expect(own.Locator("main")).ToContainTextAsync("第三十二条");
        await app.ScreenshotAsync(own, "awards-02-winner");
        Assert.Equal("%PDF-"u8.ToArray(), (await AwardsSteps.DownloadCertificateAsync(own))[..5]);

        var phone = await app.NewPageAsync(390, 844);
        Assert.Equal("证书真实有效", await AwardsSteps.VerifyAsync(phone, award.CertificateNumber, award.VerificationCode.ToLowerInvariant()));
        Assert.True(await AwardsSteps.FitsWidthAsync(phone));
        await app.ScreenshotAsync(phone, "awards-03-phone-genuine");
        Assert.Equal("未查到该证书", await AwardsSteps.VerifyAsync(phone, award.CertificateNumber, "ABCDEFGHJK"));
        await app.ScreenshotAsync(phone, "awards-04-phone-forged");

        // 第二十六条 and revocation only through a decided case (decision 0030), in the browser: the winner reports a serious
        // accident two months after it happened (due one month after: late), the office investigates and submits the case,
        // a leading-group member votes 撤销称号 and the office records the decision.
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        await SupervisionSteps.ReportIncidentAsync(own, today.AddMonths(-2), "生产线发生重大质量事故，召回同批次产品 1.2 万台。",
            "已停产整顿、召回全部问题产品并向监管部门报告。");
        await Assertions.Expect(own.Locator("main")).ToContainTextAsync("逾期");
        await app.ScreenshotAsync(own, "awards-05-incident-reported-late");
        var caseUrl = await SupervisionSteps.InvestigateAndSubmitAsync(office, "澄明智能家电股份有限公司", "经核实，事故属实，且报告逾期近一个月。");
        var leader = await app.SignedInPageAsync(await Cast.PersonAsync(app, "王组长", Biaogan.Web.Features.Accounts.Roles.LeadingGroup));
        await SupervisionSteps.VoteAsync(leader, "澄明智能家电股份有限公司", "Revoke", "重大质量事故查证属实，且未按期报告。");
        await SupervisionSteps.DecideAsync(office, caseUrl, "Revoke", "领导小组审议决定撤销称号。", "获奖后发生重大质量事故，经确认撤销称号。");
        await app.ScreenshotAsync(office, "awards-06-case-decided");
        Assert.Equal("证书真实，但标杆称号已撤销", await AwardsSteps.VerifyAsync(phone, award.CertificateNumber, award.VerificationCode));
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("获奖后发生重大质量事故");
        await app.ScreenshotAsync(phone, "awards-07-phone-revoked");

        await phone.GotoAsync("/Public/Benchmarks", Nav.Goto);
        await Assertions.Expect(phone.Locator("table.registry")).ToContainTextAsync("已撤销");
        Assert.True(await AwardsSteps.FitsWidthAsync(phone));
        await app.ScreenshotAsync(phone, "awards-08-phone-registry");
        Assert.Equal(AwardCategory.Enterprise, award.Category);
    }
}
