using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;

namespace Biaogan.Tests.Applications;

public class ApplicationsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(PageClient s, HttpMethod method, string url, HttpContent? content = null)
    {
        var response = await (await s.ApiAsync()).SendAsync(new HttpRequestMessage(method, url) { Content = content });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task A_draft_is_read_and_updated_with_its_version_and_a_stale_version_gets_409()
    {
        var applicant = await Cast.ApplicantAsync(app, "接口申报单位一有限公司");
        var id = await ApplicationsBuilders.DraftAsync(app, applicant);
        var s = await Cast.SignInAsync(app, applicant);

        var draft = await s.Http.GetFromJsonAsync<JsonElement>($"/api/applications/{id}");
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("草稿", draft.GetProperty("statusText").GetString());
        Assert.Equal(6, draft.GetProperty("selfEvaluation").GetArrayLength());
        var version = draft.GetProperty("version").GetInt32();

        var (ok, updated) = await SendAsync(s, HttpMethod.Put, $"/api/applications/{id}", JsonContent.Create(new
        {
            version, category = "Enterprise", qmsCertificateNumber = "API-QMS-1",
            measurements = new[] { new { year = 2025, body = "第三方测评机构", index = 86.4m, sampleSize = 1200 } },
            selfEvaluation = new[] { new { code = "4.1", text = "领导部分的自我评价。" } },
        }));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("Enterprise", updated.GetProperty("category").GetString());
        Assert.Equal(86.4m, updated.GetProperty("measurements")[0].GetProperty("index").GetDecimal());
        Assert.Equal(10, updated.GetProperty("selfEvaluation")[0].GetProperty("words").GetInt32());
        Assert.True(updated.GetProperty("version").GetInt32() > version);

        var (conflict, problem) = await SendAsync(s, HttpMethod.Put, $"/api/applications/{id}", JsonContent.Create(new { version, serviceName = "过期的修改" }));
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Contains("已被他人修改并保存", problem.GetProperty("detail").GetString());
        Assert.Equal("API-QMS-1", (await ApplicationsBuilders.LoadAsync(app, id)).QmsCertificateNumber);
    }

    [Fact]
    public async Task A_draft_update_that_breaks_a_rule_gets_422_in_Chinese()
    {
        var applicant = await Cast.ApplicantAsync(app, "接口申报单位二有限公司");
        var id = await ApplicationsBuilders.DraftAsync(app, applicant);
        var s = await Cast.SignInAsync(app, applicant);
        var version = (await ApplicationsBuilders.LoadAsync(app, id)).Version;
        var (status, problem) = await SendAsync(s, HttpMethod.Put, $"/api/applications/{id}", JsonContent.Create(new
        {
            version, category = "Product", measurements = new[] { new { year = 2025, index = 101.25m } },
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("category 只能是 Enterprise（企业类）或 Service（服务类）", detail);
        Assert.Contains("2025 年满意度指数应在 0 到 100 之间并保留一位小数", detail);
    }

    [Fact]
    public async Task Files_are_uploaded_listed_downloaded_and_an_incomplete_submit_gets_the_list_of_problems()
    {
        var body = await Cast.RecommenderAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "接口申报单位三有限公司");
        var id = await ApplicationsBuilders.DraftAsync(app, applicant);
        var s = await Cast.SignInAsync(app, applicant);

        var (incomplete, problems) = await SendAsync(s, HttpMethod.Post, $"/api/applications/{id}/submit", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete);
        Assert.Contains(problems.GetProperty("problems").EnumerateArray(), p => p.GetString() == "选择推荐单位");

        var form = new MultipartFormDataContent
        {
            { new StringContent("evidence"), "purpose" }, { new StringContent("用户回访记录"), "title" },
            { new ByteArrayContent(SampleFiles.Png()), "file", "回访记录.png" },
        };
        var (created, file) = await SendAsync(s, HttpMethod.Post, $"/api/applications/{id}/files", form);
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("png", file.GetProperty("kind").GetString());
        Assert.Equal(64, file.GetProperty("sha256").GetString()!.Length);

        var disguised = new MultipartFormDataContent
        {
            { new StringContent("measurement-report"), "purpose" }, { new StringContent("2025"), "year" },
            { new ByteArrayContent(SampleFiles.Exe()), "file", "2025年测评报告.pdf" },
        };
        var (refused, why) = await SendAsync(s, HttpMethod.Post, $"/api/applications/{id}/files", disguised);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("实际内容是可执行程序", why.GetProperty("detail").GetString());

        var list = await s.Http.GetFromJsonAsync<JsonElement>($"/api/applications/{id}/files");
        Assert.Equal(1, list.GetArrayLength());
        var download = await s.Http.GetAsync(list[0].GetProperty("downloadUrl").GetString());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(SampleFiles.Png(), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_complete_application_is_submitted_and_withdrawn_through_the_api()
    {
        var body = await Cast.RecommenderAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "接口申报单位四有限公司");
        var id = await ApplicationsBuilders.CompleteAsync(app, applicant, body);
        var s = await Cast.SignInAsync(app, applicant);

        var (ok, submitted) = await SendAsync(s, HttpMethod.Post, $"/api/applications/{id}/submit", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Matches(@"^BG2026-\d{4}$", submitted.GetProperty("number").GetString());

        var (again, twice) = await SendAsync(s, HttpMethod.Post, $"/api/applications/{id}/submit", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again);
        Assert.Contains("无需重复提交", twice.GetProperty("detail").GetString());

        var (noReason, _) = await SendAsync(s, HttpMethod.Post, $"/api/applications/{id}/withdraw", JsonContent.Create(new { reason = "" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason);
        var (withdrawn, result) = await SendAsync(s, HttpMethod.Post, $"/api/applications/{id}/withdraw", JsonContent.Create(new { reason = "本年度不再参加。" }));
        Assert.Equal(HttpStatusCode.OK, withdrawn);
        Assert.Equal("Withdrawn", result.GetProperty("status").GetString());
        Assert.Equal(ApplicationStatus.Withdrawn, (await ApplicationsBuilders.LoadAsync(app, id)).Status);
    }

    [Fact]
    public async Task Writes_without_the_antiforgery_header_are_refused()
    {
        var applicant = await Cast.ApplicantAsync(app, "接口申报单位五有限公司");
        var id = await ApplicationsBuilders.DraftAsync(app, applicant);
        var s = await Cast.SignInAsync(app, applicant);
        var response = await s.Http.PutAsJsonAsync($"/api/applications/{id}", new { version = 1, serviceName = "无令牌" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
