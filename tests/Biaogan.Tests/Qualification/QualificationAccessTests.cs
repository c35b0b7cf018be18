using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Qualification;

/// <summary>Who may see and do what in recommendation and qualification (docs/architecture.md, convention 9), as a matrix.</summary>
public class QualificationAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<HttpStatusCode> PostJsonAsync(PageClient who, string url, object body)
    {
        var http = await who.ApiAsync();
        return (await http.PostAsJsonAsync(url, body)).StatusCode;
    }

    private static object Decision => new { outcome = "Pass", reasons = "", items = Array.Empty<object>(), version = 0 };

    [Fact]
    public async Task Each_role_reaches_only_what_it_may()
    {
        var applicant = await Cast.ApplicantAsync(app);
        var otherApplicant = await Cast.ApplicantAsync(app, "丙方电力服务有限公司");
        var recommender = await Cast.RecommenderAsync(app);
        var otherRecommender = await Cast.RecommenderAsync(app, "推荐单位己（某行业协会）");
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, recommender);
        var number = (await ApplicationsBuilders.LoadAsync(app, id)).Number!;

        // A recommender of another body: nothing, not even that the application exists.
        var other = await Cast.SignInAsync(app, otherRecommender);
        Assert.DoesNotContain(number, PageClient.Text(await other.GetAsync("/Recommendations")));
        await other.GetAsync($"/Recommendations/Review/{id}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, await PostJsonAsync(other, $"/api/recommendations/{id}/decline", new { reason = "x", version = 0 }));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/api/qualification/{id}")).StatusCode);

        // The applicant: its own qualification record, never the office's pages or decisions.
        var own = await Cast.SignInAsync(app, applicant);
        Assert.True(await Cast.IsForbiddenAsync(own, "/Qualification"), "/Qualification");
        Assert.True(await Cast.IsForbiddenAsync(own, $"/Qualification/Review/{id}"), $"/Qualification/Review/{id}");
        Assert.True(await Cast.IsForbiddenAsync(own, $"/Recommendations/Review/{id}"), $"/Recommendations/Review/{id}");
        Assert.Equal(HttpStatusCode.OK, (await own.Http.GetAsync($"/Qualification/Supplement/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.Http.GetAsync($"/api/qualification/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.Http.GetAsync("/api/qualification/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await PostJsonAsync(own, $"/api/qualification/{id}/decision", Decision));
        Assert.Equal(HttpStatusCode.Forbidden, await PostJsonAsync(own, $"/api/recommendations/{id}/decline", new { reason = "x", version = 0 }));

        // Another organisation's applicant.
        var stranger = await Cast.SignInAsync(app, otherApplicant);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/api/qualification/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/Qualification/Supplement/{id}")).StatusCode);

        // A reviewer sees nothing at this stage.
        var reviewer = await Cast.SignInAsync(app, await Cast.ReviewerAsync(app));
        Assert.True(await Cast.IsForbiddenAsync(reviewer, "/Qualification"), "/Qualification");
        Assert.True(await Cast.IsForbiddenAsync(reviewer, "/Recommendations"), "/Recommendations");
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.Http.GetAsync($"/Qualification/Supplement/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.Http.GetAsync($"/api/qualification/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Http.GetAsync("/api/qualification/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await PostJsonAsync(reviewer, $"/api/qualification/{id}/decision", Decision));

        // The office sees everything but cannot recommend in a body's place.
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        Assert.Contains(number, PageClient.Text(await office.GetAsync($"/Qualification/Review/{id}")));
        Assert.Equal(HttpStatusCode.OK, (await office.Http.GetAsync("/api/qualification/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Http.GetAsync($"/Qualification/Supplement/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await PostJsonAsync(office, $"/api/recommendations/{id}/decline", new { reason = "x", version = 0 }));
        Assert.Equal(HttpStatusCode.OK, (await (await Cast.SignInAsync(app, await Cast.AdminAsync(app))).Http.GetAsync("/api/qualification/queue")).StatusCode);

        // Anonymous callers get the login, not data.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/qualification/queue")).StatusCode);
    }

    [Fact]
    public async Task The_chosen_body_cannot_act_before_submission_or_twice()
    {
        var applicant = await Cast.ApplicantAsync(app);
        var recommender = await Cast.RecommenderAsync(app);
        var draft = await ApplicationsBuilders.CompleteAsync(app, applicant, recommender);
        var rec = await Cast.SignInAsync(app, recommender);

        await rec.GetAsync($"/Recommendations/Review/{draft}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, await PostJsonAsync(rec, $"/api/recommendations/{draft}/decline", new { reason = "x", version = 0 }));

        var submitted = await ApplicationsBuilders.SubmittedAsync(app, await Cast.ApplicantAsync(app, "丁方软件有限公司"), recommender);
        var version = (await ApplicationsBuilders.LoadAsync(app, submitted)).Version;
        Assert.Equal(HttpStatusCode.OK, await PostJsonAsync(rec, $"/api/recommendations/{submitted}/decline", new { reason = "暂不推荐。", version }));
        var twice = await (await rec.ApiAsync()).PostAsJsonAsync($"/api/recommendations/{submitted}/decline", new { reason = "暂不推荐。", version = version + 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("申报当前状态为“推荐单位不予推荐”", await twice.Content.ReadAsStringAsync());
    }
}
