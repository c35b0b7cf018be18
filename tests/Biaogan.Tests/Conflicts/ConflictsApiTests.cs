using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;

namespace Biaogan.Tests.Conflicts;

/// <summary>/api/conflicts: the office lists, scans and decides; others are refused; per-resource reads.</summary>
public class ConflictsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record CaseDto(Guid Id, Guid ApplicationId, Guid ReviewerId, string Source, string SourceName, string Status, string StatusName, int Version);

    private sealed record ScanDto(int Applications, int Reviewers, long PairsEvaluated, int Found, int Added);

    private sealed record TermsDto(string VersionLabel, string Text);

    [Fact]
    public async Task The_office_scans_lists_and_confirms_through_the_api_and_the_seat_ends()
    {
        var uscc = Cast.NextUscc();
        var applicant = await Cast.ApplicantAsync(app, "接口甲有限公司", uscc);
        var appId = await ApplicationsBuilders.SubmittedAsync(app, applicant, await Cast.RecommenderAsync(app));
        var (reviewerPersona, reviewerId) = await ConflictsTestKit.ReviewerAtAsync(app, "孔接口", "接口甲有限公司", uscc, 2021, null);
        var seatId = await ConflictsTestKit.SeatAsync(app, appId, reviewerId);
        var cycleId = await ConflictsTestKit.CycleIdAsync(app);
        var office = await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();

        var scan = await (await office.PostAsync($"/api/conflicts/scan/{cycleId}", null)).Content.ReadFromJsonAsync<ScanDto>();
        Assert.True(scan!.Added >= 1);
        Assert.True(scan.PairsEvaluated >= 1);
        var list = await office.GetFromJsonAsync<List<CaseDto>>($"/api/conflicts?applicationId={appId}&status=Pending");
        var c = Assert.Single(list!);
        Assert.Equal(("Employment", "任职", "待确认"), (c.Source, c.SourceName, c.StatusName));

        var refused = await office.PostAsJsonAsync($"/api/conflicts/{c.Id}/dismiss", new { reason = "", version = c.Version });
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var confirmed = await office.PostAsJsonAsync($"/api/conflicts/{c.Id}/confirm", new { reason = "现任职", version = c.Version });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Confirmed", (await confirmed.Content.ReadFromJsonAsync<CaseDto>())!.Status);
        Assert.Equal(MemberStatus.Removed, (await ConflictsTestKit.LoadSeatAsync(app, seatId)).Status);

        var reviewer = await (await Cast.SignInAsync(app, reviewerPersona)).ApiAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/conflicts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/api/conflicts/{c.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync($"/api/conflicts/{c.Id}/dismiss", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/api/conflicts/relations/me")).StatusCode);
        var terms = await reviewer.GetFromJsonAsync<TermsDto>("/api/conflicts/terms");
        Assert.False(string.IsNullOrWhiteSpace(terms!.VersionLabel));
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_the_case_is_unchanged()
    {
        var uscc = Cast.NextUscc();
        var applicant = await Cast.ApplicantAsync(app, "接口乙有限公司", uscc);
        var appId = await ApplicationsBuilders.SubmittedAsync(app, applicant, await Cast.RecommenderAsync(app));
        await ConflictsTestKit.ReviewerAtAsync(app, "曹版本", "接口乙", uscc, 2021, null);
        var cycleId = await ConflictsTestKit.CycleIdAsync(app);
        var office = await (await Cast.SignInAsync(app, await Cast.OfficeAsync(app))).ApiAsync();
        await office.PostAsync($"/api/conflicts/scan/{cycleId}", null);
        var c = (await office.GetFromJsonAsync<List<CaseDto>>($"/api/conflicts?applicationId={appId}"))!.Single();

        var stale = await office.PostAsJsonAsync($"/api/conflicts/{c.Id}/confirm", new { reason = "x", version = c.Version + 5 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Pending", (await office.GetFromJsonAsync<CaseDto>($"/api/conflicts/{c.Id}"))!.Status);
    }
}
