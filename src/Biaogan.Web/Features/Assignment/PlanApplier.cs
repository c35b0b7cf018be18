using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>
/// Forms the groups of a checked plan: creates missing <see cref="ExpertGroup"/>s, ends the seats of reviewers the
/// plan drops (with a reason; the rows stay as history), seats the new ones, sets each 组长, and notifies every
/// reviewer whose seat was added or ended — all in one SaveChanges with the plan marked applied.
/// </summary>
public sealed class PlanApplier(AppDbContext db, Notifier notifier, TimeProvider clock)
{
    public const string MinePath = "/Assignment/Mine";

    public async Task ApplyAsync(AssignmentInput input, AssignmentPlan plan, PlanReview review, string? reason, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var planned = plan.Groups().ToDictionary(g => g.ApplicationId);
        var ids = planned.Keys.ToList();
        var groups = await db.Set<ExpertGroup>().Where(g => g.Stage == plan.Stage && ids.Contains(g.ApplicationId)).ToListAsync(ct);
        var seated = new List<(Guid Reviewer, Guid App, GroupRole Role)>();
        var removed = new List<(Guid Reviewer, Guid App)>();
        var endReason = $"调整专家组（{plan.Source.Display()}方案，{ChinaTimeText(now)}）";
        foreach (var change in review.Changes)
        {
            var target = planned[change.ApplicationId];
            var group = groups.FirstOrDefault(g => g.ApplicationId == change.ApplicationId);
            if (group is null)
            {
                group = new ExpertGroup(plan.CycleId, change.ApplicationId, plan.Stage, plan.Id, now);
                db.Add(group);
                groups.Add(group);
            }
            foreach (var r in change.Removed)
            {
                group.ActiveMemberFor(r)?.Remove(endReason, now);
                removed.Add((r, change.ApplicationId));
            }
            foreach (var r in change.Added)
            {
                var role = target.LeaderId == r ? GroupRole.Leader : GroupRole.Member;
                db.Add(group.Seat(r, role, plan.Id, now));
                seated.Add((r, change.ApplicationId, role));
            }
            foreach (var m in group.ActiveMembers)
                m.ChangeRole(m.ReviewerId == target.LeaderId ? GroupRole.Leader : GroupRole.Member);
        }
        plan.MarkApplied(by, reason, now);
        var others = await db.Set<AssignmentPlan>()
            .Where(p => p.CycleId == plan.CycleId && p.Stage == plan.Stage && p.Status == PlanStatus.Draft && p.Id != plan.Id).ToListAsync(ct);
        foreach (var other in others) other.Supersede();
        await NotifyAsync(input, plan.Stage, seated, removed, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task NotifyAsync(AssignmentInput input, ReviewStage stage, List<(Guid Reviewer, Guid App, GroupRole Role)> seated,
        List<(Guid Reviewer, Guid App)> removed, CancellationToken ct)
    {
        var reviewerIds = seated.Select(s => s.Reviewer).Concat(removed.Select(r => r.Reviewer)).Distinct().ToList();
        var users = await (from p in db.Set<ReviewerProfile>().AsNoTracking()
                           join u in db.Users on p.UserId equals u.Id
                           where reviewerIds.Contains(p.Id)
                           select new { p.Id, User = u }).ToListAsync(ct);
        var byReviewer = users.ToDictionary(x => x.Id, x => x.User);
        foreach (var (reviewer, app, role) in seated)
        {
            if (!byReviewer.TryGetValue(reviewer, out var user)) continue;
            await notifier.NotifyAsync(AssignmentTemplates.Seated, [user], Values(input, app, stage, ("角色", role.Display())), MinePath, ct);
        }
        foreach (var (reviewer, app) in removed)
        {
            if (!byReviewer.TryGetValue(reviewer, out var user)) continue;
            await notifier.NotifyAsync(AssignmentTemplates.Removed, [user],
                Values(input, app, stage, ("理由", "活动办公室调整了专家组分配方案。")), MinePath, ct);
        }
    }

    private static Dictionary<string, string> Values(AssignmentInput input, Guid app, ReviewStage stage, (string Key, string Value) extra)
    {
        var a = input.Applications.GetValueOrDefault(app);
        return new()
        {
            ["组织名称"] = a?.Name ?? "", ["申报编号"] = a?.Number ?? "", ["阶段"] = stage.Display(), [extra.Key] = extra.Value,
        };
    }

    private static string ChinaTimeText(DateTimeOffset now) => Infrastructure.Time.ChinaTime.Format(now);

    /// <summary>Users of the activity office (to hear about declines).</summary>
    public Task<List<AppUser>> OfficeUsersAsync(CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Office
         select u).Distinct().ToListAsync(ct);
}
