using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Assignment;

/// <summary>A job left “求解中” by a node that stopped is failed by the next runner, with a message that says what to do.</summary>
public class OrphanedJobTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_running_job_long_past_its_time_limit_is_marked_failed_and_a_fresh_one_is_left_alone()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app);
        var now = app.Clock.GetUtcNow();
        var (orphanId, freshId) = await app.WithDbAsync(async db =>
        {
            var orphan = new AssignmentJob(cycle.Id, ReviewStage.Document, JobKind.Full, 60, "赵丙", now.AddHours(-2))
            {
                Status = JobStatus.Running, StartedAt = now.AddHours(-2), ClaimedBy = "已停止的节点/1",
            };
            var fresh = new AssignmentJob(cycle.Id, ReviewStage.Document, JobKind.Full, 60, "赵丙", now.AddMinutes(-1))
            {
                Status = JobStatus.Running, StartedAt = now.AddMinutes(-1), ClaimedBy = "另一个节点/2",
            };
            db.AddRange(orphan, fresh);
            await db.SaveChangesAsync();
            return (orphan.Id, fresh.Id);
        });

        app.Services.GetRequiredService<AssignmentJobSignal>().Wake();
        AssignmentJob? orphaned = null;
        for (var i = 0; i < 600 && orphaned?.Status != JobStatus.Failed; i++)
        {
            await Task.Delay(50);
            orphaned = await app.WithDbAsync(db => db.Set<AssignmentJob>().AsNoTracking().SingleAsync(j => j.Id == orphanId));
        }
        Assert.Equal(JobStatus.Failed, orphaned!.Status);
        Assert.Contains("请重新开始求解", orphaned.Message);
        Assert.Equal(now, orphaned.FinishedAt);
        var other = await app.WithDbAsync(db => db.Set<AssignmentJob>().AsNoTracking().SingleAsync(j => j.Id == freshId));
        Assert.Equal(JobStatus.Running, other.Status);
    }
}
