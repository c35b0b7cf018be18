using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Cli;

/// <summary>
/// seed-scale (issue 13): a small data set built through the workflows — qualified applications, appointed reviewers,
/// the groups of an applied plan, submitted sheets with agreed consensus, draft sheets and draft applications — with
/// the logins file the load script reads; refused outside Development without the flag and on a non-empty database.
/// </summary>
[Collection(CliCollection.Name)]
public class SeedScaleTests
{
    [Fact]
    public async Task The_command_fills_an_empty_database_through_the_workflows_and_writes_the_logins()
    {
        await using var app = new AppFactory();
        var logins = Path.Combine(Path.GetTempPath(), $"scale-logins-{Guid.NewGuid():N}.csv");
        var refused = await CliConsole.RunAsync(app, "seed-scale", "--applications", "6", "--reviewers", "5", "--group-size", "3");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("Development", refused.Error);

        var result = await CliConsole.RunAsync(app, "seed-scale", "--applications", "6", "--reviewers", "5", "--group-size", "3",
            "--draft-share", "0.34", "--draft-applications", "2", "--logins", logins, "--allow-non-development");
        Assert.True(result.ExitCode == 0, result.Error + result.Out);

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(8, await db.Set<Organization>().CountAsync());
            Assert.Equal(6, await db.Set<Application>().CountAsync(a => a.Status == ApplicationStatus.Qualified && a.Number != null));
            Assert.Equal(2, await db.Set<Application>().CountAsync(a => a.Status == ApplicationStatus.Draft));
            Assert.Equal(5, await db.Set<ReviewerProfile>().CountAsync(p => p.Status == ReviewerStatus.Appointed && p.UserId != null));
            Assert.Equal(1, await db.Set<AssignmentPlan>().CountAsync(p => p.Status == PlanStatus.Applied));
            Assert.Equal(6, await db.Set<ExpertGroup>().CountAsync());
            Assert.Equal(18, await db.Set<GroupMember>().CountAsync(m => m.Status == MemberStatus.Declared));
            Assert.Equal(12, await db.Set<ScoreSheet>().CountAsync(s => s.Status == SheetStatus.Submitted));
            Assert.Equal(6, await db.Set<ScoreSheet>().CountAsync(s => s.Status == SheetStatus.Draft));
            Assert.Equal(4, await db.Set<ConsensusSheet>().CountAsync(c => c.Status == ConsensusStatus.Agreed));
            // The audit interceptor ran for the seeded changes like for any other.
            Assert.True(await db.Set<AuditEntry>().CountAsync(a => a.EntityType == "ScoreSheet") >= 18);
        });
        var lines = await File.ReadAllLinesAsync(logins);
        Assert.Equal(6, lines.Count(l => l.StartsWith("sheet,", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.StartsWith("draft,", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("committee,", StringComparison.Ordinal));
        File.Delete(logins);

        var again = await CliConsole.RunAsync(app, "seed-scale", "--applications", "1", "--reviewers", "1", "--group-size", "1", "--allow-non-development");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("数据库不是空的", again.Error);
    }
}
