using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Cycles;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>A finished on-site visit: the organisation's user, the application and the on-site team (the first is 组长).</summary>
public sealed record TestVisit(Guid ApplicationId, Guid CycleId, Persona Applicant, string Organization, IReadOnlyList<TestReviewer> Team)
{
    public TestReviewer Leader => Team[0];
}

/// <summary>
/// Builders of the two-way feedback tests: an application of an organisation with a user, an on-site expert group
/// (ReviewStage.OnSite) seated and declared through the assignment entities, and a 现场评审 approved by the 组长 and
/// the office (<see cref="AwardPipelineKit.ApprovedVisitAsync"/>).
/// </summary>
public static class MutualFeedbackKit
{
    public static async Task<TestVisit> VisitAsync(AppFactory app, string tag, int teamSize = 3)
    {
        var organization = $"{tag}受评有限公司";
        var applicationId = await AwardPipelineKit.QualifiedAsync(app, organization, AwardCategory.Enterprise);
        var (cycleId, orgId) = await app.WithDbAsync(async db =>
            await db.Set<Application>().Where(a => a.Id == applicationId).Select(a => new ValueTuple<Guid, Guid>(a.CycleId, a.OrganizationId)).FirstAsync());
        var applicant = await Cast.PersonAsync(app, $"{tag}联系人", Roles.Applicant, organizationId: orgId);
        var team = new List<TestReviewer>();
        for (var i = 0; i < teamSize; i++) team.Add(await AssignmentTestKit.ReviewerAsync(app, $"{tag}评审员{i + 1}", $"{tag}无关单位{i + 1}"));
        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            var group = new ExpertGroup(cycleId, applicationId, ReviewStage.OnSite, null, now);
            for (var i = 0; i < team.Count; i++)
                group.Seat(team[i].ProfileId, i == 0 ? GroupRole.Leader : GroupRole.Member, null, now).Declare("2026-1", now);
            db.Add(group);
            await db.SaveChangesAsync();
        });
        await AwardPipelineKit.ApprovedVisitAsync(app, applicationId, 600m, 640m);
        return new TestVisit(applicationId, cycleId, applicant, organization, team);
    }

    /// <summary>Form fields answering every question with <paramref name="score"/> (the questions of the given set).</summary>
    public static Dictionary<string, string?> Answers(IEnumerable<string> codes, int score, string comments)
    {
        var fields = codes.ToDictionary(c => $"Answers[{c}]", _ => (string?)score.ToString());
        fields["Comments"] = comments;
        return fields;
    }

    /// <summary>
    /// For the authorization matrix: an on-site team of one (<paramref name="reviewerId"/>, 组长) on an existing
    /// application and its approved visit, so the feedback and summary pages of that application exist.
    /// </summary>
    public static async Task OnSiteForMatrixAsync(AppFactory app, Guid applicationId, Guid reviewerId)
    {
        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            var cycleId = await db.Set<Application>().Where(a => a.Id == applicationId).Select(a => a.CycleId).FirstAsync();
            var group = new ExpertGroup(cycleId, applicationId, ReviewStage.OnSite, null, now);
            group.Seat(reviewerId, GroupRole.Leader, null, now).Declare("2026-1", now);
            db.Add(group);
            await db.SaveChangesAsync();
        });
        await AwardPipelineKit.ApprovedVisitAsync(app, applicationId, 600m, 620m);
    }
}
