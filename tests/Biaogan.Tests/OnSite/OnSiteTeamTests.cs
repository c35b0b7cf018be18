using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.OnSite;

/// <summary>On-site teams come from the one assignment engine: only the shortlist, the on-site group size, the same conflict rules.</summary>
public class OnSiteTeamTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_solver_forms_on_site_teams_for_the_shortlisted_applications_only_and_keeps_conflicted_reviewers_out()
    {
        await AssignmentTestKit.CycleAsync(app);
        await ApplicationsBuilders.UpdateSettingsAsync(app, s => s.OnSiteGroupSize = 2);
        var scored = await OnSiteTestKit.ShortlistedAsync(app, [80, 75, 50], [true, true, false]);
        var qualifiedOnly = await AssignmentTestKit.QualifiedAsync(app, "仅资格审查通过有限公司");
        var reviewers = new List<TestReviewer>();
        for (var i = 0; i < 4; i++)
            reviewers.Add(await AssignmentTestKit.ReviewerAsync(app, $"现场评审员{i + 1}", $"现场评审员单位{i + 1}", province: (11 + i).ToString(), leader: true));
        var conflicted = reviewers[0];
        var cycleId = await app.WithDbAsync(db => db.Set<Web.Features.Cycles.Cycle>().Select(c => c.Id).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            db.Add(new ConflictCase(cycleId, scored[0].Id, conflicted.ProfileId, ConflictSource.Employment, "2019—至今 任职于该申报组织的控股股东", app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        var office = await Cast.SignInAsync(app, await AssignmentTestKit.OfficeAsync(app));
        var page = PageClient.Text(await office.GetAsync($"/Assignment?CycleId={cycleId}&Stage=OnSite"));
        Assert.Contains("入围现场评审的申报2项", page.Replace(" ", "").Replace("\n", ""));
        var api = await office.ApiAsync();
        var started = await api.PostAsJsonAsync("/api/assignment/runs", new { cycleId, stage = "OnSite", kind = "Full", timeLimitSeconds = 5 });
        started.EnsureSuccessStatusCode();
        var job = await AssignmentTestKit.WaitAsync(office, (await started.Content.ReadFromJsonAsync<AssignmentApi.JobDto>())!.Id);
        Assert.NotNull(job.PlanId);
        var version = await app.WithDbAsync(db => db.Set<AssignmentPlan>().Where(p => p.Id == job.PlanId).Select(p => p.Version).FirstAsync());
        var applied = await api.PostAsJsonAsync($"/api/assignment/plans/{job.PlanId}/apply", new { version, reason = "现场评审专家组" });
        applied.EnsureSuccessStatusCode();

        var groups = await app.WithDbAsync(db => db.Set<ExpertGroup>().AsNoTracking().Where(g => g.Stage == ReviewStage.OnSite).ToListAsync());
        Assert.Equal(new[] { scored[0].Id, scored[1].Id }.Order(), groups.Select(g => g.ApplicationId).Order());
        Assert.All(groups, g => Assert.Equal(2, g.ActiveMembers.Count()));
        Assert.All(groups, g => Assert.NotNull(g.Leader));
        Assert.DoesNotContain(conflicted.ProfileId, groups.Single(g => g.ApplicationId == scored[0].Id).ActiveMembers.Select(m => m.ReviewerId));
        Assert.DoesNotContain(groups, g => g.ApplicationId == scored[2].Id || g.ApplicationId == qualifiedOnly);
    }
}
