using System.Net;
using Biaogan.Tests.DocumentReview;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Awards;

/// <summary>证书 PDF: Chinese wording, the QR code that opens the verification page, the seal, and who may download it.</summary>
public class CertificateTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_certificate_prints_the_formal_chinese_wording_and_a_qr_code_that_decodes_to_the_verification_url()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "证书测试股份有限公司");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var response = await office.Http.GetAsync($"/Awards/Certificate/{winner.Award.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        var text = string.Concat(PdfWriterTests.PdfToText(pdf).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("证书", text);
        Assert.Contains($"经评定，证书测试股份有限公司被评为{winner.Award.Year}年度全国用户满意标杆（企业类）。", text);
        Assert.Contains("特发此证。", text);
        Assert.Contains("中国质量协会", text);
        Assert.Contains("二〇二六年十一月二十七日", text);
        Assert.Contains($"证书编号：{winner.Award.CertificateNumber}", text);
        Assert.Contains($"核验码：{winner.Award.VerificationCode}", text);

        var expected = $"http://localhost/Public/Verify/{winner.Award.CertificateNumber}?code={winner.Award.VerificationCode}";
        Assert.Equal(expected, CertificateReading.DecodeQr(CertificateQr.Png(expected)));
        // The printed page, as a phone's camera sees it (a second resolution if the first drawing confuses the detector).
        Assert.Equal(expected, CertificateReading.DecodeQr(CertificateReading.Rasterise(pdf)) ?? CertificateReading.DecodeQr(CertificateReading.Rasterise(pdf, 200)));
        // …and the link it holds answers as genuine.
        var verified = PageClient.Text(await Cast.Anonymous(app).GetAsync(new Uri(expected).PathAndQuery));
        Assert.Contains("证书真实有效", verified);
    }

    [Fact]
    public async Task A_service_benchmark_names_the_service_in_the_wording()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "证书服务有限公司", AwardCategory.Service);
        var client = await Cast.SignInAsync(app, winner.Contact);
        var pdf = await client.Http.GetByteArrayAsync($"/Awards/Certificate/{winner.Award.Id}");
        var text = string.Concat(PdfWriterTests.PdfToText(pdf).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains($"经评定，证书服务有限公司“证书服务有限公司客户服务”被评为{winner.Award.Year}年度全国用户满意标杆（服务类）。", text);
    }

    [Fact]
    public async Task Only_the_winning_organisation_and_the_office_can_download_the_certificate()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "证书权限有限公司");
        var url = $"/Awards/Certificate/{winner.Award.Id}";
        var own = await Cast.SignInAsync(app, winner.Contact);
        Assert.Equal(HttpStatusCode.OK, (await own.Http.GetAsync(url)).StatusCode);
        var otherOrg = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "证书旁观有限公司"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.NoRedirects.GetAsync(url)).StatusCode);
        var reviewer = await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.NoRedirects.GetAsync(url)).StatusCode);
        var anonymous = await Cast.Anonymous(app).NoRedirects.GetAsync(url);
        Assert.Contains("/Account/Login", anonymous.Headers.Location?.ToString());

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        await SupervisionKit.RevokeAsync(app, winner.Award.Id, "经确认撤销。");
        Assert.Equal(HttpStatusCode.NotFound, (await own.NoRedirects.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task An_uploaded_png_seal_is_printed_and_anything_else_is_refused()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "证书印章有限公司");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var without = await office.Http.GetByteArrayAsync($"/Awards/Certificate/{winner.Award.Id}");
        Assert.DoesNotContain("/Subtype /Image", System.Text.Encoding.Latin1.GetString(without));

        var fake = await office.SubmitAsync("/Awards/Seal", new Dictionary<string, string?>(), "form[action*='handler=Upload']",
            files: [new UploadFile("Upload", "seal.png", "not a picture at all"u8.ToArray(), "image/png")]);
        Assert.Contains(fake.Errors, e => e.Contains("不是允许的类型"));
        var tiny = await office.SubmitAsync("/Awards/Seal", new Dictionary<string, string?>(), "form[action*='handler=Upload']",
            files: [new UploadFile("Upload", "seal.png", AwardsTestKit.SealPng(50), "image/png")]);
        Assert.Contains(tiny.Errors, e => e.Contains("200～3000 像素"));

        var ok = await office.SubmitAsync("/Awards/Seal", new Dictionary<string, string?>(), "form[action*='handler=Upload']",
            files: [new UploadFile("Upload", "印章.png", AwardsTestKit.SealPng(), "image/png")]);
        Assert.Empty(ok.Errors);
        Assert.Contains("印章图片已保存", ok.Text);
        Assert.Equal(HttpStatusCode.OK, (await office.Http.GetAsync("/Awards/Seal?handler=Image")).StatusCode);
        var with = await office.Http.GetByteArrayAsync($"/Awards/Certificate/{winner.Award.Id}");
        Assert.Contains("/Subtype /Image", System.Text.Encoding.Latin1.GetString(with));

        await office.SubmitAsync("/Awards/Seal", new Dictionary<string, string?>(), "form[action*='handler=Remove']");
        var removed = await office.Http.GetByteArrayAsync($"/Awards/Certificate/{winner.Award.Id}");
        Assert.DoesNotContain("/Subtype /Image", System.Text.Encoding.Latin1.GetString(removed));
    }

    [Fact]
    public async Task The_office_records_the_plaque_and_the_record_is_audited()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "奖牌登记有限公司");
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var url = $"/Awards/Details/{winner.Award.Id}";
        var wrong = await office.SubmitAsync(url, new Dictionary<string, string?>
        {
            ["Plaque.Number"] = "JP-2026-001", ["Plaque.MadeOn"] = "2026-11-20", ["Plaque.DeliveredOn"] = "2026-11-10", ["Plaque.Recipient"] = "",
        }, "form[action*='handler=Plaque']");
        Assert.Contains(wrong.Errors, e => e.Contains("交付日期不能早于制作日期"));
        Assert.Contains(wrong.Errors, e => e.Contains("请填写签收人"));
        Assert.Equal("JP-2026-001", ((AngleSharp.Html.Dom.IHtmlInputElement)wrong.Page.QuerySelector("#Plaque_Number")!).Value);

        var saved = await office.SubmitAsync(url, new Dictionary<string, string?>
        {
            ["Plaque.Number"] = "JP-2026-001", ["Plaque.MadeOn"] = "2026-11-20", ["Plaque.DeliveredOn"] = "2026-11-26", ["Plaque.Recipient"] = "王总经理",
        }, "form[action*='handler=Plaque']");
        Assert.Empty(saved.Errors);
        var award = await AwardsTestKit.ReloadAsync(app, winner.Award.Id);
        Assert.Equal(("JP-2026-001", new DateOnly(2026, 11, 26), "王总经理"), (award.PlaqueNumber, award.PlaqueDeliveredOn!.Value, award.PlaqueRecipient));
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action.Contains("登记奖牌 JP-2026-001")).CountAsync());
        Assert.Equal(1, audit);
        Assert.Contains("已交付", PageClient.Text(await office.GetAsync($"/Awards?year={award.Year}")));
    }

    [Fact]
    public async Task The_winner_sees_its_award_the_verification_link_and_the_logo_rules()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "标识规则有限公司");
        var text = PageClient.Text(await (await Cast.SignInAsync(app, winner.Contact)).GetAsync("/Awards/Mine"));
        Assert.Contains("第三十二条", text);
        Assert.Contains("必须注明获奖年份", text);
        Assert.Contains("不得在产品上", text);
        Assert.Contains("产品获奖", text);
        Assert.Contains($"/Public/Verify/{winner.Award.CertificateNumber}?code={winner.Award.VerificationCode}", text);
        var other = PageClient.Text(await (await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "标识旁观有限公司"))).GetAsync("/Awards/Mine"));
        Assert.Contains("没有全国用户满意标杆称号", other);
        Assert.DoesNotContain("标识规则有限公司", other);
    }
}
