using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Assignment;

/// <summary>
/// A solver job left “求解中” by a node that stopped is scheduled work whose lease runs out: the next node's runner solves
/// it again from the start; a job whose node still holds its lease is left alone.
/// </summary>
public class OrphanedJobTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<Guid> RunningJobAsync(Guid cycleId, string node, DateTimeOffset leaseUntil)
    {
        // written straight into the table, so as UTC like the runner writes (the test clock answers in +08:00)
        var now = app.Clock.GetUtcNow().ToUniversalTime();
        leaseUntil = leaseUntil.ToUniversalTime();
        return await app.WithDbAsync(async db =>
        {
            var job = new AssignmentJob(cycleId, ReviewStage.Document, JobKind.Full, 1, "赵丙", now.AddHours(-2))
            {
                Status = JobStatus.Running, StartedAt = now.AddHours(-2), ClaimedBy = node,
            };
            db.Add(job);
            db.Add(new ScheduledWork("assignment.solve", job.Id.ToString(), $"{{\"jobId\":\"{job.Id}\"}}", now.AddHours(-2), 3, now.AddHours(-2)));
            await db.SaveChangesAsync();
            await db.Set<ScheduledWork>().Where(w => w.Key == job.Id.ToString()).ExecuteUpdateAsync(s => s
                .SetProperty(w => w.State, WorkState.Running).SetProperty(w => w.ClaimedBy, node)
                .SetProperty(w => w.ClaimedUntil, leaseUntil).SetProperty(w => w.Attempts, 1));
            return job.Id;
        });
    }

    [Fact]
    public async Task A_job_whose_node_stopped_mid_solve_is_solved_again_by_the_next_node_and_a_job_still_held_is_left_alone()
    {
        var cycle = await AssignmentTestKit.CycleAsync(app);
        var now = app.Clock.GetUtcNow();
        var orphanId = await RunningJobAsync(cycle.Id, "已停止的节点/1", now.AddMinutes(-1));
        var heldId = await RunningJobAsync(cycle.Id, "另一个节点/2", now.AddMinutes(5));

        app.Services.GetRequiredService<WorkSignal>().Wake();
        AssignmentJob? orphan = null;
        for (var i = 0; i < 600 && orphan?.IsDone != true; i++)
        {
            await Task.Delay(50);
            orphan = await app.WithDbAsync(db => db.Set<AssignmentJob>().AsNoTracking().SingleAsync(j => j.Id == orphanId));
        }
        Assert.True(orphan!.IsDone, orphan.Message);
        Assert.NotEqual("已停止的节点/1", orphan.ClaimedBy);
        var work = await app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking().SingleAsync(w => w.Key == orphanId.ToString()));
        Assert.Equal(2, work.Attempts);
        Assert.Equal(orphan.ClaimedBy, work.ClaimedBy);

        var held = await app.WithDbAsync(db => db.Set<AssignmentJob>().AsNoTracking().SingleAsync(j => j.Id == heldId));
        Assert.Equal(JobStatus.Running, held.Status);
        var heldWork = await app.WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking().SingleAsync(w => w.Key == heldId.ToString()));
        Assert.Equal(("另一个节点/2", WorkState.Running), (heldWork.ClaimedBy, heldWork.State));
    }
}
