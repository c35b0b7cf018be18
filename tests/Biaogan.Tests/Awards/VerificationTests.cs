using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;

namespace Biaogan.Tests.Awards;

/// <summary>证书核验 (no login): genuine, forged (unknown number; right number with a wrong code), revoked and under confirmation.</summary>
public class VerificationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Url(Award a, string? code = null) => $"/Public/Verify/{a.CertificateNumber}?code={code ?? a.VerificationCode}";

    [Fact]
    public async Task A_genuine_certificate_shows_its_organisation_category_year_and_status_valid_and_nothing_else()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "核验真实有限公司");
        var page = await Cast.Anonymous(app).GetAsync(Url(winner.Award));
        var text = PageClient.Text(page);
        Assert.Contains("证书真实有效", text);
        Assert.Contains("核验真实有限公司", text);
        Assert.Contains("企业类", text);
        Assert.Contains($"{winner.Award.Year}年度全国用户满意标杆", text);
        Assert.Equal("有效", page.QuerySelector(".kv .badge")!.TextContent.Trim());
        // Only these facts: no contact details, application number or code echo.
        Assert.DoesNotContain("010-88886666", text);
        Assert.DoesNotContain(winner.Award.VerificationCode, text);
        Assert.DoesNotContain("BG20", text);
    }

    [Fact]
    public async Task Codes_typed_in_lower_case_or_full_width_on_a_phone_still_verify()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "核验输入有限公司", AwardCategory.Service);
        var typed = string.Concat(winner.Award.VerificationCode.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? (char)(c + 0xFEE0) : c));
        var text = PageClient.Text(await Cast.Anonymous(app).GetAsync($"/Public/Verify?number={winner.Award.CertificateNumber.ToLowerInvariant()}&code={Uri.EscapeDataString(typed)}"));
        Assert.Contains("证书真实有效", text);
        Assert.Contains("服务类（核验输入有限公司客户服务）", text);
    }

    [Fact]
    public async Task An_unknown_number_and_a_right_number_with_a_wrong_code_both_say_the_certificate_may_be_forged()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "核验伪造有限公司");
        var anonymous = Cast.Anonymous(app);
        var unknown = PageClient.Text(await anonymous.GetAsync("/Public/Verify/YHMYBG-2099-999?code=ABCDEFGHJK"));
        var wrongCode = PageClient.Text(await anonymous.GetAsync(Url(winner.Award, "ZZZZZZZZZZ")));
        var noCode = PageClient.Text(await anonymous.GetAsync($"/Public/Verify/{winner.Award.CertificateNumber}"));
        foreach (var text in new[] { unknown, wrongCode, noCode })
        {
            Assert.Contains("未查到该证书", text);
            Assert.Contains("可能是伪造的", text);
            Assert.Contains("举报方式", text);
            Assert.Contains(AwardSettings.DefaultReportContact, text);
            Assert.DoesNotContain("核验伪造有限公司", text);
            Assert.DoesNotContain("证书真实", text);
        }
    }

    [Fact]
    public async Task A_revoked_certificate_shows_revoked_with_the_date_and_the_public_reason()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "核验撤销有限公司");
        await SupervisionKit.RevokeAsync(app, winner.Award.Id, "获奖后发生重大质量事故，经确认撤销称号。");
        var page = await Cast.Anonymous(app).GetAsync(Url(winner.Award));
        var text = PageClient.Text(page);
        Assert.Contains("证书真实，但标杆称号已撤销", text);
        Assert.Equal("已撤销", page.QuerySelector(".kv .badge")!.TextContent.Trim());
        Assert.Contains("2026年11月27日", text);
        Assert.Contains("获奖后发生重大质量事故，经确认撤销称号。", text);
    }

    [Fact]
    public async Task A_benchmark_under_confirmation_shows_as_under_confirmation()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "核验确认有限公司");
        await SupervisionKit.DecideAsync(app, winner.Award.Id, "Confirmation", "获奖满三年，进行确认。");
        var text = PageClient.Text(await Cast.Anonymous(app).GetAsync(Url(winner.Award)));
        Assert.Contains("确认中", text);
        Assert.Contains("证书真实，标杆称号确认中", text);
        // The office's internal reason for the review is not public.
        Assert.DoesNotContain("获奖满三年，进行确认。", text);
    }

    [Fact]
    public async Task The_empty_form_opens_for_anyone_with_labelled_fields()
    {
        var page = await Cast.Anonymous(app).GetAsync("/Public/Verify");
        Assert.NotNull(page.QuerySelector("label[for=number]"));
        Assert.NotNull(page.QuerySelector("label[for=code]"));
        Assert.Equal("get", page.QuerySelector("main form")!.GetAttribute("method"));
        Assert.DoesNotContain("未查到", PageClient.Text(page));
    }
}

/// <summary>The app with a small look-up allowance, to see the limit work.</summary>
public sealed class VerifyLimitAppFactory : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("RateLimits:VerifyPerMinute", "3")];
}

public class VerificationRateLimitTests(VerifyLimitAppFactory app) : IClassFixture<VerifyLimitAppFactory>
{
    [Fact]
    public async Task Look_ups_are_limited_per_address_so_codes_cannot_be_guessed_while_the_empty_form_stays_open()
    {
        var client = Cast.Anonymous(app).Http;
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Public/Verify/YHMYBG-2026-001?code=GUESS{i:00000}")).StatusCode);
        var refused = await client.GetAsync("/Public/Verify/YHMYBG-2026-001?code=GUESS99999");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("查询过于频繁", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/Public/Verify?number=YHMYBG-2026-001&code=X")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Public/Verify")).StatusCode);
    }
}
