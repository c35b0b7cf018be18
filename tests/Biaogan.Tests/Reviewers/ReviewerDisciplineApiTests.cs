using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Reviewers;

namespace Biaogan.Tests.Reviewers;

/// <summary>评审纪律 (第二十八条) through the JSON API, as on the page /Reviewers/Sanctions/{id}.</summary>
public class ReviewerDisciplineApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_office_suspends_reinstates_and_sanctions_a_reviewer_through_the_API_with_the_profiles_version()
    {
        var id = await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Appointed("纪律甲"));
        var office = await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();

        var suspended = await Json(await office.PostAsJsonAsync($"/api/reviewers/{id}/suspend", new { reason = "正在接受调查。", version = await VersionAsync(id) }));
        Assert.Equal(nameof(ReviewerStatus.Suspended), suspended.GetProperty("status").GetString());

        var stale = await office.PostAsJsonAsync($"/api/reviewers/{id}/reinstate", new { version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var reinstated = await Json(await office.PostAsJsonAsync($"/api/reviewers/{id}/reinstate", new { version = await VersionAsync(id) }));
        Assert.Equal(nameof(ReviewerStatus.Appointed), reinstated.GetProperty("status").GetString());

        var noKind = await office.PostAsJsonAsync($"/api/reviewers/{id}/sanctions", new { decidedOn = "2026-11-27", version = await VersionAsync(id) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noKind.StatusCode);
        Assert.Contains("处分种类", await noKind.Content.ReadAsStringAsync());

        var warned = await Json(await office.PostAsJsonAsync($"/api/reviewers/{id}/sanctions",
            new { kind = "Warning", decidedOn = "2026-11-27", reason = "评审意见雷同，未独立评分。", version = await VersionAsync(id) }));
        var sanction = Assert.Single(warned.GetProperty("sanctions").EnumerateArray());
        Assert.Equal("Warning", sanction.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_reviewer_cannot_sanction_or_suspend_anyone_not_even_themselves()
    {
        var (person, profileId) = await ReviewersTestKit.AppointedReviewerAsync(app, "纪律乙");
        var reviewer = await (await Cast.SignInAsync(app, person)).ApiAsync();
        var version = await VersionAsync(profileId);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync($"/api/reviewers/{profileId}/suspend", new { reason = "x", version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync($"/api/reviewers/{profileId}/sanctions",
            new { kind = "Criticism", decidedOn = "2026-11-27", version })).StatusCode);
        Assert.Equal(version, await VersionAsync(profileId));
    }

    private Task<int> VersionAsync(Guid id) => app.WithDbAsync(async db => (await db.Set<ReviewerProfile>().FindAsync(id))!.Version);

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
