using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Assignment;

/// <summary>A solver run scans for conflicts first, so a finding nobody has looked at yet still keeps its pair apart.</summary>
public class ScanBeforeSolveTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_reviewer_employed_by_the_applicant_is_found_by_the_run_and_never_seated()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app, groupSize: 2, maxGroups: 3);
        var applicationId = await AssignmentTestKit.QualifiedAsync(app, "扫描先行电气有限公司");
        var uscc = await app.WithDbAsync(db => db.Set<Application>().Where(a => a.Id == applicationId)
            .Join(db.Set<Organization>(), a => a.OrganizationId, o => o.Id, (a, o) => o.Uscc).SingleAsync());
        var insider = await AssignmentTestKit.ReviewerAsync(app, "冯内部", "扫描先行电气有限公司", "11", leader: true, employerUscc: uscc);
        var outsiders = new[]
        {
            await AssignmentTestKit.ReviewerAsync(app, "陈外一", "西安一号研究院", "61", leader: true),
            await AssignmentTestKit.ReviewerAsync(app, "褚外二", "成都二号大学", "51"),
        };
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ConflictCase>().CountAsync(c => c.ApplicationId == applicationId)));

        var office = await Cast.SignInAsync(app, await AssignmentTestKit.OfficeAsync(app));
        var job = await AssignmentTestKit.RunAsync(office, cycle.Id, JobKind.Full);
        Assert.Equal("Finished", job.Status);

        var found = await app.WithDbAsync(db => db.Set<ConflictCase>().AsNoTracking().SingleAsync(c => c.ApplicationId == applicationId));
        Assert.Equal((insider.ProfileId, ConflictSource.Employment, ConflictStatus.Pending), (found.ReviewerId, found.Source, found.Status));
        var plan = await app.WithDbAsync(db => db.Set<AssignmentPlan>().AsNoTracking().SingleAsync(p => p.Id == job.PlanId));
        var planned = plan.Groups().Single(g => g.ApplicationId == applicationId).ReviewerIds;
        Assert.DoesNotContain(insider.ProfileId, planned);
        Assert.Equal(outsiders.Select(r => r.ProfileId).Order(), planned.Order());
    }
}
