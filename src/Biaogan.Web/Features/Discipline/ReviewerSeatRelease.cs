using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Discipline;

/// <summary>
/// Discipline's side of <see cref="IReviewerStandDown"/> (第二十八条): a suspended or revoked reviewer's open seats end with
/// the reason, and the office is asked (站内信, e-mail, and the 待办 page through <see cref="SeatRefills"/>) to refill them
/// with the same plan → preview → apply engine of Assignment. Nothing is saved here: the reviewer pool saves.
/// </summary>
public sealed class ReviewerSeatRelease(AppDbContext db, Notifier notifier, UserManager<AppUser> users) : IReviewerStandDown
{
    public async Task StoodDownAsync(ReviewerProfile reviewer, string change, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var seats = await db.Set<GroupMember>().Where(m => m.ReviewerId == reviewer.Id
            && (m.Status == MemberStatus.Assigned || m.Status == MemberStatus.Declared)).ToListAsync(ct);
        if (seats.Count == 0) return;
        var because = $"{SeatRefills.ReasonPrefix}{change}：{reason}";
        foreach (var s in seats) s.Remove(because.Length > 1000 ? because[..1000] : because, now);
        var ids = seats.Select(s => s.ApplicationId).Distinct().ToList();
        var names = await (from a in db.Set<Application>().AsNoTracking()
                           join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                           where ids.Contains(a.Id)
                           select o.Name + "（" + (a.Number ?? "未编号") + "）").ToListAsync(ct);
        var office = (await users.GetUsersInRoleAsync(Roles.Office)).ToList();
        await notifier.NotifyAsync(DefaultTemplates.DisciplineSeatsToRefill, office, new Dictionary<string, string>
        {
            ["评审员"] = reviewer.Name, ["变化"] = change == "暂停" ? "暂停" : "撤销", ["席位数"] = seats.Count.ToString(),
            ["申报列表"] = string.Join("、", names),
        }, SeatRefills.Link, ct);
    }
}

/// <summary>
/// The seats a suspension or revocation ended and nobody has refilled yet: an ended seat is refilled once its group has a seat
/// assigned after the end (the office applied a plan). The 待办 page counts them.
/// </summary>
public static class SeatRefills
{
    /// <summary>Every end reason written by <see cref="ReviewerSeatRelease"/> starts with this.</summary>
    public const string ReasonPrefix = "评审员资格";
    public const string Link = "/Assignment";

    public static Task<int> OpenCountAsync(AppDbContext db, Guid cycleId, CancellationToken ct) =>
        (from m in db.Set<GroupMember>()
         join g in db.Set<ExpertGroup>() on m.GroupId equals g.Id
         where g.CycleId == cycleId && m.Status == MemberStatus.Removed && m.EndReason!.StartsWith(ReasonPrefix)
               && !db.Set<GroupMember>().Any(n => n.GroupId == m.GroupId && n.AssignedAt > m.EndedAt)
         select m.Id).CountAsync(ct);
}
