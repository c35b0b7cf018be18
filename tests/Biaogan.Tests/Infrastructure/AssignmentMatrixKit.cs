using Biaogan.Web.Features.Assignment;

namespace Biaogan.Tests.Infrastructure;

/// <summary>A draft plan and a finished solver job of the cycle, for the authorization matrix's plan and job routes.</summary>
public static class AssignmentMatrixKit
{
    public static async Task<(Guid PlanId, Guid JobId)> PlanAndJobAsync(AppFactory app, Guid cycleId)
    {
        var now = app.Clock.GetUtcNow();
        var plan = new AssignmentPlan(cycleId, ReviewStage.Document, PlanSource.Manual, [], "", "矩阵测试方案", "赵丙", now);
        var job = new AssignmentJob(cycleId, ReviewStage.Document, JobKind.Full, 1, "赵丙", now) { Status = JobStatus.Finished, Message = "已完成" };
        await app.WithDbAsync(async db => { db.Add(plan); db.Add(job); await db.SaveChangesAsync(); });
        return (plan.Id, job.Id);
    }
}
