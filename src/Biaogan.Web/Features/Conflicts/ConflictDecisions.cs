using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// The office's decisions on the queue and the reviewer's own declaration. A confirmed conflict ends the pair's active
/// seats (with the reason); files and score sheets then close by themselves, because the reviewer gate
/// (<see cref="ReviewerAccess"/>) asks for an active, declared seat and no blocking case. Nothing is saved here.
/// </summary>
public sealed class ConflictDecisions(AppDbContext db, Notifier notifier, TimeProvider clock)
{
    public async Task<ConflictCase> FindAsync(Guid caseId, int? version, CancellationToken ct)
    {
        var c = await db.Set<ConflictCase>().FirstOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw new DomainRuleException("该利益冲突记录不存在，请刷新页面。");
        if (version is { } v) db.Entry(c).Property(x => x.Version).OriginalValue = v;
        return c;
    }

    /// <summary>确认 — the pair is removed everywhere: every active seat of the reviewer on the application ends.</summary>
    public async Task<int> ConfirmAsync(ConflictCase c, string by, string? reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        c.Confirm(by, reason, now);
        return await EndSeatsAsync(c.ReviewerId, c.ApplicationId,
            $"利益冲突已确认（{c.Source.Display()}）{(string.IsNullOrWhiteSpace(reason) ? "" : "：" + reason.Trim())}", now, ct);
    }

    /// <summary>排除 — a false positive, with the reason the audit trail keeps.</summary>
    public void Dismiss(ConflictCase c, string by, string reason) => c.Dismiss(by, reason, clock.GetUtcNow());

    /// <summary>
    /// The reviewer declares a conflict on the declaration page: a confirmed ReviewerDeclared case, the seat (and any other
    /// seat on the application) removed, and the office notified to fill the gap.
    /// </summary>
    public async Task<ConflictCase> DeclareAsync(GroupMember seat, Guid cycleId, string reviewerName, string statement, CancellationToken ct)
    {
        if (!seat.IsActive) throw new DomainRuleException("该专家组席位已结束，无需再声明。");
        if (string.IsNullOrWhiteSpace(statement))
            throw new DomainRuleException("请说明存在的利益冲突（如“近两年曾为该单位提供咨询服务”），便于活动办公室记录和重新安排。");
        var now = clock.GetUtcNow();
        var c = new ConflictCase(cycleId, seat.ApplicationId, seat.ReviewerId, ConflictSource.ReviewerDeclared, statement, now);
        c.Confirm(reviewerName, "评审员在声明中自行申报", now);
        db.Add(c);
        await EndSeatsAsync(seat.ReviewerId, seat.ApplicationId, "评审员声明存在利益冲突：" + statement.Trim(), now, ct);
        await NotifyOfficeAsync(seat, reviewerName, statement.Trim(), ct);
        return c;
    }

    private async Task<int> EndSeatsAsync(Guid reviewerId, Guid applicationId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var seats = await db.Set<GroupMember>()
            .Where(m => m.ReviewerId == reviewerId && m.ApplicationId == applicationId
                        && (m.Status == MemberStatus.Assigned || m.Status == MemberStatus.Declared))
            .ToListAsync(ct);
        // A seat loaded earlier in this request (the declaration page's) is the same tracked instance.
        foreach (var s in seats) s.Remove(reason.Length > 1000 ? reason[..1000] : reason, now);
        return seats.Count;
    }

    private async Task NotifyOfficeAsync(GroupMember seat, string reviewerName, string statement, CancellationToken ct)
    {
        var info = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                          where a.Id == seat.ApplicationId
                          select new { o.Name, a.Number }).FirstAsync(ct);
        var stage = await db.Set<ExpertGroup>().AsNoTracking().Where(g => g.Id == seat.GroupId).Select(g => g.Stage).FirstAsync(ct);
        var office = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == Roles.Office
                            select u).Distinct().ToListAsync(ct);
        await notifier.NotifyAsync(DefaultTemplates.ConflictDeclared, office, new Dictionary<string, string>
        {
            ["评审员"] = reviewerName, ["评审阶段"] = stage.Display(), ["组织名称"] = info.Name, ["申报编号"] = info.Number ?? "未编号",
            ["理由"] = statement,
        }, $"/Conflicts?ApplicationId={seat.ApplicationId}", ct);
    }
}
