using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Reviewers;

namespace Biaogan.Tests.Reviewers;

/// <summary>
/// The reviewer pool's page actions through the JSON API (第十至十二条): the office builds a candidate's profile and
/// 提请, the leading group appoints; a reviewer keeps their own background; the pool's settings.
/// </summary>
public class ReviewerPoolApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_office_builds_a_candidates_profile_through_the_API_and_the_leading_group_appoints_them()
    {
        var office = await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();
        var email = ReviewersBuilders.NewEmail();

        var noName = await office.PostAsJsonAsync("/api/reviewers", new { email });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("请填写姓名", await noName.Content.ReadAsStringAsync());
        var created = await Json(await office.PostAsJsonAsync("/api/reviewers", new { name = "林建国", email, phone = "13900139000" }));
        var id = created.GetProperty("id").GetGuid();
        var twice = await office.PostAsJsonAsync("/api/reviewers", new { name = "林建国", email });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("已有评审员档案", await twice.Content.ReadAsStringAsync());

        var edited = await Json(await office.PutAsJsonAsync($"/api/reviewers/{id}", new
        {
            name = "林建国", email, phone = "13900139000", educationLevel = "Master", institution = "浙江大学", major = "质量管理工程",
            graduationYear = 2004, industries = new[] { "C" }, provinceCode = "33", satisfactionProgrammeExperience = true,
            version = created.GetProperty("version").GetInt32(),
        }));
        Assert.Equal("Master", edited.GetProperty("educationLevel").GetString());
        var stale = await office.PutAsJsonAsync($"/api/reviewers/{id}", new { name = "林建国", email, version = created.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var badKind = await office.PostAsJsonAsync($"/api/reviewers/{id}/trainings", new { kind = "Cooking", completedOn = "2024-05-10", provider = "中国质量协会" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badKind.StatusCode);
        Assert.Contains("培训类别", await badKind.Content.ReadAsStringAsync());
        await Json(await office.PostAsJsonAsync($"/api/reviewers/{id}/trainings", new { kind = "EvaluationStandard", completedOn = "2024-05-10", provider = "中国质量协会" }));
        await Json(await office.PostAsJsonAsync($"/api/reviewers/{id}/trainings", new { kind = "ReviewMethod", completedOn = "2024-06-12", provider = "中国质量协会" }));
        await Json(await office.PostAsJsonAsync($"/api/reviewers/{id}/work",
            new { employerName = "杭州质量技术研究院", fromYear = 2008, toYear = 2020, title = "质量部部长", field = "QualityManagement" }));
        var judged = await Json(await office.PostAsJsonAsync($"/api/reviewers/{id}/judgements",
            new { condition = "Conduct", met = true, note = "所在单位出具意见，符合要求。", version = (await ReviewersTestKit.LoadAsync(app, id)).Version }));
        Assert.Equal("Met", judged.GetProperty("eligibility").GetString());
        var invited = await Json(await office.PostAsJsonAsync($"/api/reviewers/{id}/invite", new { version = judged.GetProperty("version").GetInt32() }));
        Assert.NotNull((await ReviewersTestKit.LoadAsync(app, id)).UserId); // the account the invitation made is linked
        await Json(await office.PostAsJsonAsync($"/api/reviewers/{id}/nominate", new { note = "六项条件均已核对", version = invited.GetProperty("version").GetInt32() }));

        var term = new { appointedOn = "2026-11-27", termEndsOn = "2029-11-26", note = "领导小组会议决定", version = (await ReviewersTestKit.LoadAsync(app, id)).Version };
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/reviewers/{id}/appoint", term)).StatusCode);
        var leader = await (await Cast.SignInAsync(app, await Cast.PersonAsync(app, "周领导", Roles.LeadingGroup))).ApiAsync();
        var appointed = await Json(await leader.PostAsJsonAsync($"/api/reviewers/{id}/appoint", term));
        Assert.Equal(nameof(ReviewerStatus.Appointed), appointed.GetProperty("status").GetString());
        Assert.Equal("2029-11-26", appointed.GetProperty("termEndsOn").GetString());
    }

    [Fact]
    public async Task A_reviewer_edits_their_own_background_through_the_API_but_not_their_contact_nor_anyone_elses_profile()
    {
        var (person, own) = await ReviewersTestKit.AppointedReviewerAsync(app, "何自编");
        var other = await ReviewersTestKit.SaveAsync(app, ReviewersBuilders.Candidate("别人的档案"));
        var reviewer = await (await Cast.SignInAsync(app, person)).ApiAsync();
        var before = await ReviewersTestKit.LoadAsync(app, own);

        var saved = await Json(await reviewer.PutAsJsonAsync($"/api/reviewers/{own}", new
        {
            name = "改了名字", email = "changed@test.biaogan.cn", educationLevel = "Doctorate", institution = "复旦大学", major = "管理学",
            graduationYear = 2010, industries = new[] { "I", "65" }, provinceCode = "31", version = before.Version,
        }));
        Assert.Equal("Doctorate", saved.GetProperty("educationLevel").GetString());
        Assert.Equal(before.Name, saved.GetProperty("name").GetString());
        Assert.Equal(before.Email, saved.GetProperty("email").GetString());
        await Json(await reviewer.PostAsJsonAsync($"/api/reviewers/{own}/work",
            new { employerName = "上海质量研究所", fromYear = 2019, title = "研究员", field = "Technology" }));

        var version = (await ReviewersTestKit.LoadAsync(app, other)).Version;
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PutAsJsonAsync($"/api/reviewers/{other}", new { educationLevel = "Master", version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsJsonAsync($"/api/reviewers/{other}/work",
            new { employerName = "某公司", fromYear = 2019, title = "员工", field = "Sales" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync($"/api/reviewers/{other}/nominate", new { version })).StatusCode);
        Assert.Equal(version, (await ReviewersTestKit.LoadAsync(app, other)).Version);
    }

    [Fact]
    public async Task The_office_changes_the_pools_settings_through_the_API_and_out_of_range_values_are_refused_in_Chinese()
    {
        var office = await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();
        var current = await Json(await office.GetAsync("/api/reviewers/settings"));
        var refused = await office.PutAsJsonAsync("/api/reviewers/settings",
            new { minimumExperienceYears = 99, defaultTermYears = 3, version = current.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("工作经历年限应在 0 至 40 年之间", await refused.Content.ReadAsStringAsync());

        var saved = await Json(await office.PutAsJsonAsync("/api/reviewers/settings",
            new { minimumExperienceYears = 6, defaultTermYears = 4, version = current.GetProperty("version").GetInt32() }));
        Assert.Equal(6, saved.GetProperty("minimumExperienceYears").GetInt32());
        var again = await office.PutAsJsonAsync("/api/reviewers/settings",
            new { minimumExperienceYears = 7, defaultTermYears = 4, version = current.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // the version read before the first save is stale now
        Assert.Equal(6, (await Json(await office.GetAsync("/api/reviewers/settings"))).GetProperty("minimumExperienceYears").GetInt32());
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
