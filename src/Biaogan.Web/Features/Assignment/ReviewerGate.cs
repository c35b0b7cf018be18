using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>
/// The one gate in front of an application's materials for a reviewer: an appointed reviewer, holding a seat in
/// the application's group for that stage, who has signed the declaration and confidentiality terms, and whose pair
/// has no pending or confirmed conflict. Everything a reviewer opens (the application, its files, score sheets)
/// asks this first and answers 404 when it says no.
/// </summary>
public static class ReviewerGate
{
    /// <summary>The reviewer profile id of a signed-in user, or null.</summary>
    public static Task<Guid?> ProfileIdAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.Set<ReviewerProfile>().AsNoTracking().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>The user's active seat (declared or not) in the application's group for the stage, or null.</summary>
    public static async Task<GroupMember?> SeatAsync(AppDbContext db, string userId, Guid applicationId, ReviewStage stage, CancellationToken ct)
    {
        var profileId = await ProfileIdAsync(db, userId, ct);
        return profileId is null ? null : await SeatOfAsync(db, profileId.Value, applicationId, stage, ct);
    }

    /// <summary>The seat that lets the user read the application's materials, or null when they may not.</summary>
    public static async Task<GroupMember?> ReadableSeatAsync(AppDbContext db, string userId, Guid applicationId, ReviewStage stage, CancellationToken ct)
    {
        var profile = await db.Set<ReviewerProfile>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.Id, p.Status }).FirstOrDefaultAsync(ct);
        if (profile is not { Status: ReviewerStatus.Appointed }) return null;
        var seat = await SeatOfAsync(db, profile.Id, applicationId, stage, ct);
        if (seat is null || !seat.MayViewMaterials) return null;
        return await ConflictQueries.IsBlockedAsync(db, seat.ReviewerId, applicationId, ct) ? null : seat;
    }

    private static Task<GroupMember?> SeatOfAsync(AppDbContext db, Guid profileId, Guid applicationId, ReviewStage stage, CancellationToken ct)
    {
        var groupIds = db.Set<ExpertGroup>().Where(g => g.ApplicationId == applicationId && g.Stage == stage).Select(g => g.Id);
        return db.Set<GroupMember>().AsNoTracking()
            .Where(m => m.ReviewerId == profileId && groupIds.Contains(m.GroupId)
                        && (m.Status == MemberStatus.Assigned || m.Status == MemberStatus.Declared))
            .FirstOrDefaultAsync(ct);
    }
}
