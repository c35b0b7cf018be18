using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Approval;

/// <summary>审定 (第二十二条): opens the round once the 公示 is over and every objection concluded; finalising issues the awards.</summary>
public sealed class ApprovalWorkflow(AppDbContext db, NoticeWorkflow notices, TimeProvider clock, ApprovalNotices outcomes)
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

    /// <summary>
    /// Finalises the round and issues the awards in list order; the caller saves (and the public pages are evicted). The gate:
    /// an organisation with an objection still open is named and refused, unless the office leaves it out with a reason —
    /// it is then recorded as not approved in this round, with that reason.
    /// </summary>
    public async Task<IReadOnlyList<Award>> FinaliseAsync(ApprovalRound round, string userId, CancellationToken ct = default,
        IReadOnlyDictionary<Guid, string>? leftOut = null)
    {
        var now = clock.GetUtcNow();
        var passage = GatePassage.Pass(round.CycleId, StageGate.Approval, null, await UnfinishedAsync(round.CycleId, ct), leftOut, userId, now);
        foreach (var l in passage.LeftOut.Where(l => round.Items.Any(i => i.ApplicationId == l.ApplicationId)))
            round.Decide(l.ApplicationId, false, $"异议未办结，本次不予审定：{l.Reason}");
        db.Add(passage);
        var approved = round.Finalise(userId, now);
        return await AwardIssuer.IssueAsync(db, round.CycleId, approved, now, ct);
    }

    /// <summary>Organisations of the cycle with an objection not yet concluded (the approval's gate).</summary>
    public async Task<List<UnfinishedApplication>> UnfinishedAsync(Guid cycleId, CancellationToken ct = default) =>
        (await db.Set<Objection>().AsNoTracking().Where(o => o.CycleId == cycleId && o.Status != ObjectionStatus.Concluded).ToListAsync(ct))
        .GroupBy(o => o.ApplicationId)
        .Select(g => new UnfinishedApplication(g.Key, g.First().OrganizationName, $"异议未办结（{string.Join("、", g.Select(o => o.ReceiptNumber))}）"))
        .OrderBy(u => u.Name).ToList();

    public async Task<Cycle?> CurrentCycleAsync(CancellationToken ct = default) => await CycleQueries.CurrentOpenAsync(db, ct);

    // The four moves of the 审定 page and /api/approval. Each loads the open cycle's round with the version the caller
    // last read (a stale version is a 409), applies the rule in the entity and saves.

    /// <summary>The office sends the list remaining after the 公示 to the committee.</summary>
    public async Task<ApprovalRound> OpenCurrentAsync(CancellationToken ct = default)
    {
        var round = await StartAsync((await RequireCycleAsync(ct)).Id, ct);
        await outcomes.SentToApprovalAsync(round, ct);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>A committee member votes on one organisation or stands aside (回避) with the reason.</summary>
    public async Task<ApprovalRound> VoteAsync(int version, string memberId, string memberName, Guid applicationId, ApprovalChoice choice,
        string? reason, CancellationToken ct = default)
    {
        var round = await CurrentRoundAsync(version, ct);
        await Governance.CommitteeVoters.EnsureVoterAsync(db, round.CycleId, Governance.CommitteeKind.Approval, memberId, ct);
        round.CastVote(memberId, memberName, applicationId, choice, reason ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>The office records the committee's decision with its reason, for each organisation given.</summary>
    public async Task<ApprovalRound> DecideAsync(int version, IEnumerable<(Guid ApplicationId, bool Approved, string? Reason)> decisions,
        CancellationToken ct = default)
    {
        var round = await CurrentRoundAsync(version, ct);
        foreach (var d in decisions) round.Decide(d.ApplicationId, d.Approved, d.Reason ?? "");
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>The office finalises: the awards are issued in list order and the public pages show them at once.</summary>
    public async Task<IReadOnlyList<Award>> FinaliseCurrentAsync(int version, string userId, CancellationToken ct = default,
        IReadOnlyDictionary<Guid, string>? leftOut = null)
    {
        var round = await CurrentRoundAsync(version, ct);
        var awards = await FinaliseAsync(round, userId, ct, leftOut);
        await outcomes.FinalisedAsync(round, awards, ct);
        await db.SaveChangesAsync(ct);
        await notices.EvictPublicPagesAsync(ct);
        return awards;
    }

    private async Task<Cycle> RequireCycleAsync(CancellationToken ct) =>
        await CurrentCycleAsync(ct) ?? throw new DomainRuleException("当前没有进行中的年度活动。");

    private async Task<ApprovalRound> CurrentRoundAsync(int version, CancellationToken ct)
    {
        var round = await ForCycleAsync((await RequireCycleAsync(ct)).Id, ct) ?? throw new DomainRuleException("审定尚未开始，请活动办公室先提交审定。");
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        return round;
    }
}
