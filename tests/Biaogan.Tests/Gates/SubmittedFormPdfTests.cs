using System.Net;
using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Gates;

/// <summary>The printable 申报表: the organisation, its recommending body and the office; nobody else (404, as for the application itself).</summary>
public class SubmittedFormPdfTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_submitted_form_prints_with_its_fields_and_attachments_for_the_organisation_its_body_and_the_office_only()
    {
        var applicant = await Cast.ApplicantAsync(app, "申报表打印有限公司");
        var body = await Cast.RecommenderAsync(app, "推荐单位（申报表打印）");
        var id = await ApplicationsBuilders.CompleteAsync(app, applicant, body);

        var own = await Cast.SignInAsync(app, applicant);
        var details = await own.GetAsync($"/Applications/Details/{id}");
        var confirm = details.QuerySelector("#submit-form button[data-confirm]")!.GetAttribute("data-confirm")!;
        Assert.Contains("将以“申报表打印有限公司”的名义提交申报，并通知推荐单位“推荐单位（申报表打印）”出具推荐意见", confirm);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await (await own.ApiAsync()).GetAsync($"/api/applications/{id}/form.pdf")).StatusCode);

        await ApplicationsBuilders.SubmitAsync(app, id);
        foreach (var who in new[] { applicant, body, await Cast.OfficeAsync(app) })
        {
            var client = await Cast.SignInAsync(app, who);
            var response = await (await client.ApiAsync()).GetAsync($"/api/applications/{id}/form.pdf");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = DocumentReview.PdfWriterTests.PdfToText(await response.Content.ReadAsByteArrayAsync()).Replace(" ", "");
            Assert.Contains("申报表打印有限公司", text);
            Assert.Contains("提交时间", text);
            Assert.Contains("（北京时间）", text);
            Assert.Contains("附件清单", text);
            Assert.Contains("自我评价报告", text);
        }
        var page = await (await Cast.SignInAsync(app, applicant)).Http.GetAsync($"/Applications/{id}/Form.pdf");
        Assert.Equal("application/pdf", page.Content.Headers.ContentType?.MediaType);

        var other = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "别家打印有限公司"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await other.ApiAsync()).GetAsync($"/api/applications/{id}/form.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Applications/{id}/Form.pdf")).StatusCode);
    }
}
