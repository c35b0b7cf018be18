using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Api;

/// <summary>/api/awards and /api/public/certificates: what the 标杆与证书 pages and 证书核验 do, over JSON.</summary>
public class AwardsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<HttpClient> OfficeAsync() => await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task The_office_lists_a_benchmark_records_its_plaque_and_revokes_it_and_verification_shows_it_at_once()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "接口标杆有限公司");
        var office = await OfficeAsync();
        var list = await JsonAsync(await office.GetAsync($"/api/awards?year={winner.Award.Year}"), HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("certificateNumber").GetString() == winner.Award.CertificateNumber);
        var detail = await JsonAsync(await office.GetAsync($"/api/awards/{winner.Award.Id}"), HttpStatusCode.OK);
        Assert.Contains(winner.Award.VerificationCode, detail.GetProperty("verificationUrl").GetString());

        var plaque = await JsonAsync(await office.PostAsJsonAsync($"/api/awards/{winner.Award.Id}/plaque", new
        {
            number = "JP-2026-001", madeOn = "2026-11-20", version = detail.GetProperty("award").GetProperty("version").GetInt32(),
        }), HttpStatusCode.OK);
        Assert.Equal("JP-2026-001", plaque.GetProperty("plaqueNumber").GetString());

        await SupervisionKit.RevokeAsync(app, winner.Award.Id, "经核查，获奖后发生重大质量事故。");
        var revoked = await JsonAsync(await office.GetAsync($"/api/awards/{winner.Award.Id}"), HttpStatusCode.OK);
        Assert.Equal("Revoked", revoked.GetProperty("award").GetProperty("status").GetString());

        var verified = await JsonAsync(await Cast.Anonymous(app).Http.GetAsync(
            $"/api/public/certificates/{winner.Award.CertificateNumber}?code={winner.Award.VerificationCode}"), HttpStatusCode.OK);
        Assert.Equal("Revoked", verified.GetProperty("status").GetString());
        Assert.Equal("经核查，获奖后发生重大质量事故。", verified.GetProperty("revocationReason").GetString());
    }

    [Fact]
    public async Task The_winner_downloads_its_certificate_and_nobody_else_learns_it_exists()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "接口证书有限公司");
        var contact = await (await Cast.SignInAsync(app, winner.Contact)).ApiAsync();
        var pdf = await contact.GetAsync($"/api/awards/{winner.Award.Id}/certificate");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        var other = await (await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "接口无关有限公司"))).ApiAsync();
        var hidden = await JsonAsync(await other.GetAsync($"/api/awards/{winner.Award.Id}/certificate"), HttpStatusCode.NotFound);
        Assert.Contains("不存在", hidden.GetProperty("detail").GetString());
        // the winner's own users do not run the registry
        Assert.Equal(HttpStatusCode.Forbidden, (await contact.GetAsync("/api/awards")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_plaque_target_is_not_found()
    {
        var office = await OfficeAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync($"/api/awards/{Guid.NewGuid()}/plaque",
            new { number = "JP-1", version = 1 })).StatusCode);
    }

    [Fact]
    public async Task A_wrong_code_and_an_unknown_number_look_the_same_to_the_public()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "接口核验有限公司");
        var anonymous = Cast.Anonymous(app).Http;
        var good = await JsonAsync(await anonymous.GetAsync(
            $"/api/public/certificates/{winner.Award.CertificateNumber}?code={winner.Award.VerificationCode.ToLowerInvariant()}"), HttpStatusCode.OK);
        Assert.Equal("接口核验有限公司", good.GetProperty("organization").GetString());
        Assert.Equal("有效", good.GetProperty("statusText").GetString());
        var wrong = await JsonAsync(await anonymous.GetAsync($"/api/public/certificates/{winner.Award.CertificateNumber}?code=ZZZZZZZZZZ"),
            HttpStatusCode.NotFound);
        var unknown = await JsonAsync(await anonymous.GetAsync("/api/public/certificates/YHMYBG-2099-999?code=ABCDEFGHJK"), HttpStatusCode.NotFound);
        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        Assert.Contains("可能是伪造的", unknown.GetProperty("detail").GetString());
        Assert.DoesNotContain("接口核验有限公司", unknown.GetRawText());
    }
}

/// <summary>Certificate look-ups over the API share the page's per-address limit (RateLimits:VerifyPerMinute).</summary>
public class CertificateApiRateLimitTests(CertificateApiRateLimitTests.LimitedApp app) : IClassFixture<CertificateApiRateLimitTests.LimitedApp>
{
    public sealed class LimitedApp : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("RateLimits:VerifyPerMinute", "3")];
    }

    [Fact]
    public async Task Too_many_look_ups_from_one_address_are_turned_away_for_a_minute()
    {
        var anonymous = Cast.Anonymous(app).Http;
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/public/certificates/YHMYBG-2099-00{i}?code=ABCDEFGHJK")).StatusCode);
        var refused = await anonymous.GetAsync("/api/public/certificates/YHMYBG-2099-009?code=ABCDEFGHJK");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("查询过于频繁", await refused.Content.ReadAsStringAsync());
    }
}
