using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Api;

/// <summary>/api/criteria: the 评价准则 pages' moves over JSON — copy a published version, edit the draft, publish, delete.</summary>
public class CriteriaApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<HttpClient> OfficeAsync() => await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task The_office_copies_a_published_version_edits_the_draft_and_publishes_it()
    {
        var office = await OfficeAsync();
        var list = await JsonAsync(await office.GetAsync("/api/criteria"), HttpStatusCode.OK);
        var published = list.EnumerateArray().First(v => v.GetProperty("status").GetString() == "Published");

        var copy = await JsonAsync(await office.PostAsync($"/api/criteria/{published.GetProperty("id")}/copy", null), HttpStatusCode.Created);
        var draft = copy.GetProperty("criteria");
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(published.GetProperty("code").GetString(), draft.GetProperty("code").GetString());

        var document = JsonNode.Parse(copy.GetProperty("document").GetRawText())!.AsObject();
        document["title"] = document["title"]!.GetValue<string>() + "（接口修订）";
        var saved = await JsonAsync(await office.PutAsJsonAsync($"/api/criteria/{draft.GetProperty("id")}",
            new { document, version = draft.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.EndsWith("（接口修订）", saved.GetProperty("criteria").GetProperty("title").GetString());
        Assert.Empty(saved.GetProperty("problems").EnumerateArray());

        var done = await JsonAsync(await office.PostAsJsonAsync($"/api/criteria/{draft.GetProperty("id")}/publish",
            new { version = saved.GetProperty("criteria").GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal("Published", done.GetProperty("criteria").GetProperty("status").GetString());
        // the page shows the same version as published
        var details = await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).GetAsync($"/Criteria/Details/{draft.GetProperty("id")}");
        Assert.Contains("（接口修订）", PageClient.Text(details));
    }

    [Fact]
    public async Task A_draft_can_be_deleted_and_a_published_version_cannot_be_edited()
    {
        var office = await OfficeAsync();
        var published = (await JsonAsync(await office.GetAsync("/api/criteria"), HttpStatusCode.OK)).EnumerateArray()
            .First(v => v.GetProperty("status").GetString() == "Published");
        var refused = await office.PutAsJsonAsync($"/api/criteria/{published.GetProperty("id")}",
            new { document = new { title = "x" }, version = published.GetProperty("version").GetInt32() });
        var problem = await JsonAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("复制为新草稿", problem.GetProperty("detail").GetString());

        var draft = (await JsonAsync(await office.PostAsync($"/api/criteria/{published.GetProperty("id")}/copy", null), HttpStatusCode.Created))
            .GetProperty("criteria");
        var deleted = await office.DeleteAsync($"/api/criteria/{draft.GetProperty("id")}?version={draft.GetProperty("version").GetInt32()}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/criteria/{draft.GetProperty("id")}")).StatusCode);
    }

    [Fact]
    public async Task A_broken_document_is_refused_with_a_Chinese_explanation()
    {
        var office = await OfficeAsync();
        var published = (await JsonAsync(await office.GetAsync("/api/criteria"), HttpStatusCode.OK)).EnumerateArray().First();
        var draft = (await JsonAsync(await office.PostAsync($"/api/criteria/{published.GetProperty("id")}/copy", null), HttpStatusCode.Created))
            .GetProperty("criteria");
        var missing = await JsonAsync(await office.PutAsJsonAsync($"/api/criteria/{draft.GetProperty("id")}",
            new { version = draft.GetProperty("version").GetInt32() }), HttpStatusCode.BadRequest);
        Assert.Contains("请在 document 中给出评价准则的完整内容", missing.GetProperty("detail").GetString());
        var broken = await JsonAsync(await office.PutAsJsonAsync($"/api/criteria/{draft.GetProperty("id")}",
            new { document = new { categories = "不是列表" }, version = draft.GetProperty("version").GetInt32() }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("JSON 文件格式有误", broken.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Only_the_office_reaches_the_criteria_api()
    {
        var applicant = await (await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "准则接口无关有限公司"))).ApiAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/criteria")).StatusCode);
        var office = await OfficeAsync();
        var id = (await JsonAsync(await office.GetAsync("/api/criteria"), HttpStatusCode.OK)).EnumerateArray().First().GetProperty("id");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"/api/criteria/{id}/copy", null)).StatusCode);
    }
}
