using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Approval;

/// <summary>审定 (第二十二条): opens the round once the 公示 is over and every objection concluded; finalising issues the awards.</summary>
public sealed class ApprovalWorkflow(AppDbContext db, NoticeWorkflow notices, TimeProvider clock)
{
    public Task<ApprovalRound?> ForCycleAsync(Guid cycleId, CancellationToken ct = default) =>
        db.Set<ApprovalRound>().FirstOrDefaultAsync(r => r.CycleId == cycleId, ct);

    /// <summary>Why the list cannot go to the committee yet, or null when it can.</summary>
    public async Task<string?> BlockerAsync(Guid cycleId, CancellationToken ct = default)
    {
        var notice = await db.Set<PublicNotice.PublicNotice>().AsNoTracking().FirstOrDefaultAsync(n => n.CycleId == cycleId, ct);
        if (notice is null || notice.Status == NoticeStatus.Draft) return "推荐名单尚未公示（第二十一条），公示期满后才能提交审定。";
        if (notice.PhaseAt(clock.GetUtcNow()) != NoticePhase.Closed) return $"公示期尚未结束（异议受理截止 {notice.DeadlineText}），期满后才能提交审定。";
        var open = await db.Set<Objection>().AsNoTracking().Where(o => o.CycleId == cycleId && o.Status != ObjectionStatus.Concluded)
            .Select(o => o.ReceiptNumber).ToListAsync(ct);
        if (open.Count > 0) return $"还有 {open.Count} 项异议未办结（{string.Join("、", open)}），全部办结后才能提交审定。";
        return null;
    }

    /// <summary>Opens the round with the organisations remaining on the notice's list, in list order.</summary>
    public async Task<ApprovalRound> StartAsync(Guid cycleId, CancellationToken ct = default)
    {
        if (await ForCycleAsync(cycleId, ct) is not null) throw new DomainRuleException("审定已经开始。");
        if (await BlockerAsync(cycleId, ct) is { } why) throw new DomainRuleException(why);
        var notice = (await notices.ForCycleAsync(cycleId, ct))!;
        var round = new ApprovalRound(cycleId, notice.Id, notice.Listed.Select(e => new ApprovalItem
        {
            ApplicationId = e.ApplicationId, OrganizationName = e.OrganizationName, Category = e.Category, ServiceName = e.ServiceName, Order = e.Order,
        }), clock.GetUtcNow());
        db.Add(round);
        return round;
    }

    /// <summary>Finalises the round and issues the awards in list order; the caller saves (and the public pages are evicted).</summary>
    public async Task<IReadOnlyList<Award>> FinaliseAsync(ApprovalRound round, string userId, CancellationToken ct = default)
    {
        if (await notices.AnyOpenObjectionAsync(round.CycleId, ct)) throw new DomainRuleException("还有异议未办结，不能完成审定。");
        var now = clock.GetUtcNow();
        var approved = round.Finalise(userId, now);
        return await AwardIssuer.IssueAsync(db, round.CycleId, approved, now, ct);
    }

    public async Task<Cycle?> CurrentCycleAsync(CancellationToken ct = default) => await CycleQueries.CurrentOpenAsync(db, ct);
}
