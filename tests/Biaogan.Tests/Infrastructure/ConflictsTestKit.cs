using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Reviewers;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>HTTP-test helpers of the Conflicts feature: reviewers with an employer, seats in expert groups, the cases filed.</summary>
public static class ConflictsTestKit
{
    /// <summary>An appointed reviewer (signed-in persona) who works or worked at <paramref name="employer"/>.</summary>
    public static async Task<(Persona Persona, Guid ProfileId)> ReviewerAtAsync(AppFactory app, string name, string employer,
        string? uscc, int fromYear, int? toYear)
    {
        var (persona, id) = await ReviewersTestKit.AppointedReviewerAsync(app, name);
        await app.WithDbAsync(async db =>
        {
            var p = await db.Set<ReviewerProfile>().SingleAsync(x => x.Id == id);
            p.AddWorkPeriod(employer, uscc, fromYear, toYear, "质量总监", WorkField.QualityManagement, 2026);
            await db.SaveChangesAsync();
        });
        return (persona, id);
    }

    /// <summary>Seats the reviewer in the application's 资料评审 group (formed if needed); returns the seat's id.</summary>
    public static async Task<Guid> SeatAsync(AppFactory app, Guid applicationId, Guid reviewerId, GroupRole role = GroupRole.Member)
    {
        return await app.WithDbAsync(async db =>
        {
            var cycleId = await db.Set<Biaogan.Web.Features.Applications.Application>().Where(a => a.Id == applicationId).Select(a => a.CycleId).SingleAsync();
            var group = await db.Set<ExpertGroup>().FirstOrDefaultAsync(g => g.ApplicationId == applicationId && g.Stage == ReviewStage.Document);
            if (group is null)
            {
                group = new ExpertGroup(cycleId, applicationId, ReviewStage.Document, null, app.Clock.GetUtcNow());
                db.Add(group);
            }
            var seat = group.Seat(reviewerId, role, null, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return seat.Id;
        });
    }

    public static Task<List<ConflictCase>> CasesAsync(AppFactory app, Guid applicationId) =>
        app.WithDbAsync(db => db.Set<ConflictCase>().AsNoTracking().Where(c => c.ApplicationId == applicationId).OrderBy(c => c.FoundAt).ToListAsync());

    public static Task<GroupMember> LoadSeatAsync(AppFactory app, Guid memberId) =>
        app.WithDbAsync(db => db.Set<GroupMember>().AsNoTracking().SingleAsync(m => m.Id == memberId));

    public static Task<Guid> CycleIdAsync(AppFactory app) =>
        app.WithDbAsync(async db => (await ApplicationsBuilders.OpenCycleAsync(app)).Id);
}
