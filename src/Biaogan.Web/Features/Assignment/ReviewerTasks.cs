using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>One seat on a reviewer's task list.</summary>
public sealed record ReviewerTask(Guid MemberId, Guid ApplicationId, string ApplicationNumber, string Organization, string Category,
    ReviewStage Stage, GroupRole Role, MemberStatus Status, DateTimeOffset AssignedAt, DateTimeOffset? DeclaredAt,
    DateTimeOffset? EndedAt, string? EndReason, int Version)
{
    /// <summary>资料评审 score sheet due date: the declaration day plus the cycle's ScoringWorkdays working days.</summary>
    public DateOnly? DueOn { get; init; }
    /// <summary>False when the due date crosses a year without a published holiday notice.</summary>
    public bool DueOnConfirmed { get; init; } = true;

    /// <summary>Where the reviewer goes next: the declaration while assigned, then the score sheet (资料评审) or the visit page (现场评审).</summary>
    public string? NextLink => Status switch
    {
        MemberStatus.Assigned => $"/Conflicts/Declare/{MemberId}",
        MemberStatus.Declared when Stage == ReviewStage.Document => $"/DocumentReview/Sheet/{ApplicationId}",
        MemberStatus.Declared when Stage == ReviewStage.OnSite => $"/OnSite/Visit/{ApplicationId}",
        _ => null,
    };
}

/// <summary>The reviewer's own seats (任务列表) and declining one of them.</summary>
public sealed class ReviewerTasks(AppDbContext db, PlanApplier applier, Notifier notifier, WorkingDayCalendar calendar, TimeProvider clock)
{
    /// <summary>Every seat of the signed-in user's reviewer profile, newest first; empty for anyone else.</summary>
    public async Task<IReadOnlyList<ReviewerTask>> MineAsync(string userId, CancellationToken ct = default)
    {
        var profileId = await ReviewerGate.ProfileIdAsync(db, userId, ct);
        if (profileId is null) return [];
        var rows = await (from m in db.Set<GroupMember>().AsNoTracking()
                          join g in db.Set<ExpertGroup>().AsNoTracking() on m.GroupId equals g.Id
                          join a in db.Set<Application>().AsNoTracking() on m.ApplicationId equals a.Id
                          join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                          join cy in db.Set<Cycle>().AsNoTracking() on g.CycleId equals cy.Id
                          where m.ReviewerId == profileId
                          select new { m, g.Stage, a.Number, a.Category, o.Name, cy.Settings.ScoringWorkdays }).ToListAsync(ct);
        var tasks = new List<ReviewerTask>();
        foreach (var r in rows.OrderBy(r => r.m.IsActive ? 0 : 1).ThenByDescending(r => r.m.AssignedAt))
        {
            var task = new ReviewerTask(r.m.Id, r.m.ApplicationId, r.Number ?? "", r.Name, r.Category is { } c ? Cycle.CategoryDisplay(c) : "",
                r.Stage, r.m.Role, r.m.Status, r.m.AssignedAt, r.m.DeclaredAt, r.m.EndedAt, r.m.EndReason, r.m.Version);
            if (r.m.Status == MemberStatus.Declared && r.Stage == ReviewStage.Document && r.m.DeclaredAt is { } declared)
            {
                var due = await ScoringDue.FromDeclarationAsync(calendar, declared, r.ScoringWorkdays, ct);
                task = task with { DueOn = due.End, DueOnConfirmed = due.Confirmed };
            }
            tasks.Add(task);
        }
        return tasks;
    }

    /// <summary>The reviewer declines their own seat with a reason; the office is notified. Another person's seat is not found.</summary>
    public async Task<GroupMember?> DeclineAsync(string userId, Guid memberId, int? version, string? reason, CancellationToken ct = default)
    {
        var profileId = await ReviewerGate.ProfileIdAsync(db, userId, ct);
        var member = profileId is null ? null : await db.Set<GroupMember>().FirstOrDefaultAsync(m => m.Id == memberId && m.ReviewerId == profileId, ct);
        if (member is null) return null;
        if (version is { } v) db.Entry(member).Property(m => m.Version).OriginalValue = v;
        member.Decline(reason ?? "", clock.GetUtcNow());
        var group = await db.Set<ExpertGroup>().AsNoTracking().FirstAsync(g => g.Id == member.GroupId, ct);
        var info = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                          where a.Id == member.ApplicationId
                          select new { a.Number, o.Name }).FirstAsync(ct);
        var name = await db.Set<Reviewers.ReviewerProfile>().AsNoTracking().Where(p => p.Id == member.ReviewerId).Select(p => p.Name).FirstAsync(ct);
        await notifier.NotifyAsync(AssignmentTemplates.Declined, await applier.OfficeUsersAsync(ct), new Dictionary<string, string>
        {
            ["评审员"] = name, ["组织名称"] = info.Name, ["申报编号"] = info.Number ?? "", ["阶段"] = group.Stage.Display(),
            ["理由"] = reason!.Trim(),
        }, $"/Assignment?cycleId={group.CycleId}&stage={group.Stage}", ct);
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>Throws when the seat cannot be declined any more (kept for the page's message).</summary>
    public static void EnsureFound(GroupMember? member)
    {
        if (member is null) throw new DomainRuleException("找不到该评审任务，请刷新任务列表。");
    }
}
