using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Assignment;

/// <summary>A plan made against groups that have changed since cannot be applied.</summary>
public class StalePlanTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_draft_made_before_a_reviewer_declined_is_shown_as_stale_and_refused()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app, groupSize: 2);
        var application = await AssignmentTestKit.QualifiedAsync(app, "过期方案有限公司");
        var lead = await AssignmentTestKit.ReviewerAsync(app, "严组长", "严氏公司", "11", leader: true);
        var member = await AssignmentTestKit.ReviewerAsync(app, "华组员", "华氏公司", "31");
        var office = await Cast.SignInAsync(app, await AssignmentTestKit.OfficeAsync(app));
        var job = await AssignmentTestKit.RunAsync(office, cycle.Id, JobKind.Full);
        var preview = await office.Http.GetFromJsonAsync<AssignmentApi.PreviewDto>($"/api/assignment/plans/{job.PlanId}");
        var api = await office.ApiAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/assignment/plans/{job.PlanId}/apply", new { version = preview!.Plan.Version })).StatusCode);

        var draft = await office.SubmitAsync($"/Assignment?cycleId={cycle.Id}", new Dictionary<string, string?>(), "form[action*='Manual']");
        var draftId = draft.Path.Split('/')[3];
        var memberId = await app.WithDbAsync(db => db.Set<GroupMember>().Where(m => m.ReviewerId == member.ProfileId).Select(m => m.Id).SingleAsync());
        var reviewerApi = await (await Cast.SignInAsync(app, member.Persona)).ApiAsync();
        Assert.Equal(HttpStatusCode.OK, (await reviewerApi.PostAsJsonAsync($"/api/assignment/seats/{memberId}/decline", new { reason = "与该组织有业务往来，需回避。" })).StatusCode);

        var page = await office.GetAsync($"/Assignment/Plans/{draftId}");
        Assert.Contains("该方案不能再执行", PageClient.Text(page));
        Assert.Null(page.QuerySelector("button[formaction*='Apply']"));
        var stale = await office.Http.GetFromJsonAsync<AssignmentApi.PreviewDto>($"/api/assignment/plans/{draftId}");
        Assert.True(stale!.Stale);
        var refused = await api.PostAsJsonAsync($"/api/assignment/plans/{draftId}/apply", new { version = stale.Plan.Version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("专家组已发生变化", await refused.Content.ReadAsStringAsync());
        var seats = await AssignmentTestKit.SeatsAsync(app, cycle.Id);
        Assert.Equal([lead.ProfileId], seats[application].Reviewers);
    }
}
