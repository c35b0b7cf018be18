using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;

namespace Biaogan.Tests.Assignment;

/// <summary>Per-resource checks of the assignment API for people who are not the office.</summary>
public class AssignmentApiAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Reviewers_and_applicants_cannot_run_edit_or_apply_and_see_only_their_own_seats()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app);
        var (planId, _) = await AssignmentMatrixKit.PlanAndJobAsync(app, cycle.Id);
        var reviewer = await AssignmentTestKit.ReviewerAsync(app, "许评审", "许氏公司");
        var applicant = await Cast.ApplicantAsync(app, "许申报有限公司");
        foreach (var persona in new[] { reviewer.Persona, applicant })
        {
            var api = await (await Cast.SignInAsync(app, persona)).ApiAsync();
            var run = await api.PostAsJsonAsync("/api/assignment/runs", new { cycleId = cycle.Id, kind = "Full", timeLimitSeconds = 1 });
            Assert.Equal(HttpStatusCode.Forbidden, run.StatusCode);
            var apply = await api.PostAsJsonAsync($"/api/assignment/plans/{planId}/apply", new { version = 0 });
            Assert.Equal(HttpStatusCode.Forbidden, apply.StatusCode);
            var edit = await api.PostAsJsonAsync($"/api/assignment/plans/{planId}/edits",
                new { version = 0, kind = "Add", applicationId = Guid.NewGuid(), reviewerId = reviewer.ProfileId });
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
            Assert.Empty((await api.GetFromJsonAsync<List<ReviewerTask>>("/api/assignment/mine"))!);
        }
        var office = await (await Cast.SignInAsync(app, await AssignmentTestKit.OfficeAsync(app))).ApiAsync();
        var missing = await office.PostAsJsonAsync($"/api/assignment/plans/{Guid.NewGuid()}/apply", new { version = 0 });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var tooLong = await office.PostAsJsonAsync("/api/assignment/runs", new { cycleId = cycle.Id, kind = "Gaps", timeLimitSeconds = 99999 });
        Assert.Equal(HttpStatusCode.Created, tooLong.StatusCode);
        Assert.Equal(AssignmentJob.MaxSeconds, (await tooLong.Content.ReadFromJsonAsync<AssignmentApi.JobDto>())!.TimeLimitSeconds);
    }
}
