using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Applications;

/// <summary>Who sees what (docs/architecture.md, convention 9): the matrix of personas × the application's pages, files and API.</summary>
public class ApplicationAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record World(Guid Draft, Guid Submitted, Guid FileOfSubmitted, Guid FileOfDraft, Persona Owner, Persona ChosenBody);

    private async Task<World> WorldAsync()
    {
        var body = await Cast.RecommenderAsync(app, "推荐单位甲（上海市质量协会）");
        var owner = await Cast.ApplicantAsync(app, "被查看的申报单位有限公司");
        var submitted = await ApplicationsBuilders.SubmittedAsync(app, owner, body);
        var otherOrg = await Cast.ApplicantAsync(app, "另一申报单位有限公司");
        var draft = await ApplicationsBuilders.CompleteAsync(app, otherOrg, body);
        var fileOf = async (Guid id) => await app.WithDbAsync(db =>
            db.Set<StoredFile>().Where(f => f.OwnerId == id && f.Purpose == FilePurpose.Evidence).Select(f => f.Id).FirstAsync());
        return new World(draft, submitted, await fileOf(submitted), await fileOf(draft), owner, body);
    }

    private static async Task<List<Guid>> ApiListAsync(PageClient s)
    {
        var items = await s.Http.GetFromJsonAsync<JsonElement>("/api/applications");
        return items.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
    }

    private static async Task AssertHiddenAsync(PageClient s, Guid id, Guid fileId)
    {
        await s.GetAsync($"/Applications/Details/{id}", HttpStatusCode.NotFound);
        await s.GetAsync($"/Applications/Edit/{id}", HttpStatusCode.NotFound);
        await s.GetAsync($"/Applications/Edit/{id}/Evidence", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync($"/Applications/Files/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync($"/api/applications/{id}/files")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync($"/api/applications/{id}/files/{fileId}")).StatusCode);
        var api = await s.ApiAsync();
        var put = await api.PutAsJsonAsync($"/api/applications/{id}", new { version = 1, serviceName = "篡改" });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        var withdraw = await api.PostAsJsonAsync($"/api/applications/{id}/withdraw", new { reason = "篡改" });
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
    }

    [Fact]
    public async Task Another_organisations_applicant_gets_404_for_the_pages_files_and_api_of_an_application()
    {
        var w = await WorldAsync();
        var stranger = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "无关申报单位有限公司"));
        await AssertHiddenAsync(stranger, w.Submitted, w.FileOfSubmitted);
        await AssertHiddenAsync(stranger, w.Draft, w.FileOfDraft);
        Assert.Empty(await ApiListAsync(stranger));
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationsBuilders.LoadAsync(app, w.Submitted)).Status);
    }

    [Fact]
    public async Task A_reviewer_and_an_unrelated_recommending_body_see_nothing()
    {
        var w = await WorldAsync();
        var reviewer = await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));
        var unrelated = await Cast.SignInAsync(app, await Cast.RecommenderAsync(app, "无关推荐单位（某省质量协会）"));
        foreach (var s in new[] { reviewer, unrelated })
        {
            await AssertHiddenAsync(s, w.Submitted, w.FileOfSubmitted);
            await AssertHiddenAsync(s, w.Draft, w.FileOfDraft);
            Assert.Empty(await ApiListAsync(s));
            Assert.Contains("还没有申报", PageClient.Text(await s.GetAsync("/Applications")));
        }
    }

    [Fact]
    public async Task The_chosen_recommending_body_sees_a_submitted_application_but_not_a_draft_that_named_it()
    {
        var w = await WorldAsync();
        var body = await Cast.SignInAsync(app, w.ChosenBody);
        var page = await body.GetAsync($"/Applications/Details/{w.Submitted}");
        Assert.Contains("被查看的申报单位有限公司", PageClient.Text(page));
        Assert.Null(page.QuerySelector("#submit-form"));
        Assert.Null(page.QuerySelector("#withdraw-form"));
        var file = await body.Http.GetAsync($"/Applications/Files/{w.FileOfSubmitted}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", await file.Content.ReadAsStringAsync());
        await AssertHiddenAsync(body, w.Draft, w.FileOfDraft);
        Assert.Equal([w.Submitted], await ApiListAsync(body));

        var readOnly = await body.GetAsync($"/Applications/Edit/{w.Submitted}");
        Assert.Contains("只有申报组织本单位的用户可以修改", PageClient.Text(readOnly));
        var put = await (await body.ApiAsync()).PutAsJsonAsync($"/api/applications/{w.Submitted}", new { version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task The_owner_and_the_office_see_the_application_and_every_file_version()
    {
        var w = await WorldAsync();
        var owner = await Cast.SignInAsync(app, w.Owner);
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/Applications/Files/{w.FileOfSubmitted}")).StatusCode);
        Assert.Contains(w.Submitted, await ApiListAsync(owner));
        Assert.DoesNotContain(w.Draft, await ApiListAsync(owner));

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await office.Http.GetAsync($"/Applications/Files/{w.FileOfDraft}")).StatusCode);
        var all = await ApiListAsync(office);
        Assert.Contains(w.Submitted, all);
        Assert.Contains(w.Draft, all);
        Assert.Contains("另一申报单位有限公司", PageClient.Text(await office.GetAsync("/Applications")));
    }

    [Fact]
    public async Task Without_a_login_the_pages_go_to_login_and_the_api_answers_401()
    {
        var w = await WorldAsync();
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await anonymous.GetAsync($"/Applications/Files/{w.FileOfSubmitted}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/applications/{w.Submitted}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/applications")).StatusCode);
    }
}
