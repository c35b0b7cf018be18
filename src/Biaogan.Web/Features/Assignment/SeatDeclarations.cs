using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>
/// What happens to seats when a conflict of interest is known: the reviewer's declaration page (sign, or declare a
/// conflict) and Assignment's side of the <see cref="ISeatRemoval"/> hook of Conflicts (a confirmed case ends the
/// pair's seats). Saves its own changes (docs/decisions/0028).
/// </summary>
public sealed class SeatDeclarations(AppDbContext db, Notifier notifier, TimeProvider clock) : ISeatRemoval
{
    /// <summary>签署 — the seat becomes Declared under the terms in force, and the materials open.</summary>
    public async Task SignAsync(GroupMember seat, int postedVersion, bool accepted, string? postedTerms, string currentTerms,
        CancellationToken ct)
    {
        var blocked = seat.IsActive && await ConflictQueries.IsBlockedAsync(db, seat.ReviewerId, seat.ApplicationId, ct);
        await SignAsync(seat, postedVersion, accepted, postedTerms, currentTerms, blocked, ct);
    }

    private async Task SignAsync(GroupMember seat, int postedVersion, bool accepted, string? postedTerms, string currentTerms,
        bool blocked, CancellationToken ct)
    {
        await db.SaveWithVersionAsync(seat, postedVersion, s =>
        {
            if (!accepted) throw new DomainRuleException("请先阅读保密承诺书，勾选“本人确认与该申报组织不存在利益冲突，并遵守上述保密承诺”后再签署。");
            if (postedTerms != currentTerms)
                throw new DomainRuleException($"保密承诺书已更新为 {currentTerms} 版，请阅读新版本后重新签署。");
            if (blocked)
                throw new DomainRuleException("您与该申报组织存在待活动办公室确认的利益冲突，暂不能签署声明。如确无冲突，请等待活动办公室核实。");
            s.Declare(currentTerms, clock.GetUtcNow());
        }, ct);
    }

    /// <summary>
    /// The reviewer declares a conflict on the declaration page: a confirmed ReviewerDeclared case, the seat (and any other
    /// seat on the application) removed, and the office notified to fill the gap.
    /// </summary>
    public async Task<ConflictCase> DeclareConflictAsync(GroupMember seat, int postedVersion, string statement, CancellationToken ct)
    {
        if (seat.Version != postedVersion) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        if (!seat.IsActive) throw new DomainRuleException("该专家组席位已结束，无需再声明。");
        if (string.IsNullOrWhiteSpace(statement))
            throw new DomainRuleException("请说明存在的利益冲突（如“近两年曾为该单位提供咨询服务”），便于活动办公室记录和重新安排。");
        var reviewerName = await db.Set<ReviewerProfile>().Where(p => p.Id == seat.ReviewerId).Select(p => p.Name).FirstAsync(ct);
        var group = await db.Set<ExpertGroup>().AsNoTracking().Where(g => g.Id == seat.GroupId).Select(g => new { g.CycleId, g.Stage }).FirstAsync(ct);
        var now = clock.GetUtcNow();
        var c = new ConflictCase(group.CycleId, seat.ApplicationId, seat.ReviewerId, ConflictSource.ReviewerDeclared, statement, now);
        c.Confirm(reviewerName, "评审员在声明中自行申报", now);
        db.Add(c);
        await EndSeatsAsync(seat.ReviewerId, seat.ApplicationId, "评审员声明存在利益冲突：" + statement.Trim(), now, ct);
        await NotifyOfficeAsync(seat, group.Stage, reviewerName, statement.Trim(), ct);
        await db.SaveWithVersionAsync(seat, postedVersion, ct);
        return c;
    }

    /// <summary>Every active seat of the reviewer on the application ends, with the reason. Not saved here: the caller saves.</summary>
    public async Task<int> EndSeatsAsync(Guid reviewerId, Guid applicationId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var seats = await db.Set<GroupMember>()
            .Where(m => m.ReviewerId == reviewerId && m.ApplicationId == applicationId
                        && (m.Status == MemberStatus.Assigned || m.Status == MemberStatus.Declared))
            .ToListAsync(ct);
        // A seat loaded earlier in this request (the declaration page's) is the same tracked instance.
        foreach (var s in seats) s.Remove(reason.Length > 1000 ? reason[..1000] : reason, now);
        return seats.Count;
    }

    private async Task NotifyOfficeAsync(GroupMember seat, ReviewStage stage, string reviewerName, string statement, CancellationToken ct)
    {
        var info = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                          where a.Id == seat.ApplicationId
                          select new { o.Name, a.Number }).FirstAsync(ct);
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
