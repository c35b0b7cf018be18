using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Shortlist;

/// <summary>The office's decision on one application when recording the committee's outcome.</summary>
public sealed record OutcomeInput(Guid ApplicationId, bool Selected, string? Reason);

/// <summary>
/// 评审委员会入围评议: members vote (except on applications they stand aside from), the office records conflicts, reveals
/// names, records the outcome with the vote counts and finalises it. Every change goes through the entities' methods.
/// </summary>
public sealed class ShortlistWorkflow(AppDbContext db, TimeProvider clock, ShortlistNotices notices, IEnumerable<IListUse> uses,
    IStageReportGate reports, RankingStore ranking) : IRankingNames
{
    /// <summary>
    /// Shortlist's side of the <see cref="IRankingNames"/> hook of Ranking: hidden categories and their aliases; aliases are
    /// keyed on the category decision's id, so each hidden category needs its decision row.
    /// </summary>
    public async Task<RankingNames> NamesAsync(Guid cycleId, IEnumerable<AwardCategory> shown, CancellationToken ct)
    {
        var hidden = await ShortlistQueries.HiddenCategoriesAsync(db, cycleId, ct);
        hidden.IntersectWith(shown);
        if (hidden.Count == 0) return RankingNames.AllShown;
        var decisions = new Dictionary<AwardCategory, Guid>();
        foreach (var c in hidden) decisions[c] = (await DecisionAsync(cycleId, c, ct)).Id;
        return new RankingNames(hidden, r => ShortlistQueries.Alias(decisions[r.Category], r.ApplicationId));
    }

    /// <summary>The category's decision, created when first needed.</summary>
    public Task<ShortlistDecision> DecisionAsync(Guid cycleId, AwardCategory category, CancellationToken ct) =>
        db.GetOrCreateAsync(d => d.CycleId == cycleId && d.Category == category, () => new ShortlistDecision(cycleId, category, clock.GetUtcNow()), ct);

    /// <summary>A member's vote, by application id (when names are shown) or alias (while hidden); changing it is allowed until final.</summary>
    public async Task<ShortlistVote> VoteAsync(Guid cycleId, AwardCategory category, Guid applicationId, string memberId, bool select,
        string? reason, CancellationToken ct)
    {
        var decision = await DecisionAsync(cycleId, category, ct);
        decision.EnsureOpen();
        await EnsureCandidateAsync(cycleId, category, applicationId, ct);
        if (await db.Set<CommitteeConflict>().AnyAsync(c => c.ApplicationId == applicationId && c.MemberId == memberId && c.WithdrawnAt == null, ct))
            throw new DomainRuleException("您与该申报存在利益冲突，已回避，不参加该项投票。");
        await Governance.CommitteeVoters.EnsureVoterAsync(db, cycleId, Governance.CommitteeKind.Review, memberId, ct);
        var vote = await db.Set<ShortlistVote>().FirstOrDefaultAsync(v => v.ApplicationId == applicationId && v.MemberId == memberId, ct);
        if (vote is null) db.Add(vote = new ShortlistVote(cycleId, applicationId, memberId, select, reason ?? "", clock.GetUtcNow()));
        else vote.Change(select, reason ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return vote;
    }

    /// <summary>The application id behind an alias of the category, or null.</summary>
    public async Task<Guid?> ResolveAliasAsync(Guid cycleId, AwardCategory category, string alias, CancellationToken ct)
    {
        var decision = await DecisionAsync(cycleId, category, ct);
        var board = (await ranking.ReadAsync(cycleId, ct))?.Board;
        return board?.For(category)?.Rows.Select(r => r.ApplicationId)
            .Where(id => ShortlistQueries.Alias(decision.Id, id) == alias.Trim()).Select(id => (Guid?)id).FirstOrDefault();
    }

    /// <summary>A conflict declared by the member or recorded by the office; the member's vote on it, if any, is withdrawn.</summary>
    public async Task<CommitteeConflict> RecordConflictAsync(Guid cycleId, Guid applicationId, string memberId, CommitteeConflictSource source,
        string? reason, string recordedBy, CancellationToken ct)
    {
        var app = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId && a.CycleId == cycleId, ct)
            ?? throw new DomainRuleException("未找到该申报，请刷新页面后重新选择。");
        if (app.Category is { } category && await db.Set<ShortlistDecision>().AnyAsync(d => d.CycleId == cycleId && d.Category == category && d.Status == ShortlistStatus.Finalised, ct))
            throw new DomainRuleException("该类别的入围名单已确定，不能再登记回避。如需调整，请活动办公室先撤销确定。");
        if (!(await ShortlistQueries.MembersAsync(db, cycleId, ct)).Any(m => m.UserId == memberId))
            throw new DomainRuleException("请选择一位评审委员会委员。");
        if (await db.Set<CommitteeConflict>().AnyAsync(c => c.ApplicationId == applicationId && c.MemberId == memberId && c.WithdrawnAt == null, ct))
            throw new DomainRuleException("该委员对这项申报的回避已登记，无需重复登记。");
        var conflict = new CommitteeConflict(cycleId, applicationId, memberId, source, reason ?? "", recordedBy, clock.GetUtcNow());
        db.Add(conflict);
        await db.Set<ShortlistVote>().Where(v => v.ApplicationId == applicationId && v.MemberId == memberId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return conflict;
    }

    public async Task WithdrawConflictAsync(Guid conflictId, string? reason, CancellationToken ct)
    {
        var conflict = await db.Set<CommitteeConflict>().FirstOrDefaultAsync(c => c.Id == conflictId, ct)
            ?? throw new DomainRuleException("未找到该回避记录，请刷新页面。");
        conflict.Withdraw(reason ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task RevealNamesAsync(Guid cycleId, AwardCategory category, CancellationToken ct)
    {
        var decision = await DecisionAsync(cycleId, category, ct);
        decision.RevealNames(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records the outcome of the posted applications (a page of the list, or all of them) with today's vote counts; the
    /// outcomes recorded earlier for the others are kept, and every recorded entry gets today's counts (counted in the
    /// database). Applications no longer ranked with an agreed consensus drop out of the record.
    /// </summary>
    public async Task RecordOutcomeAsync(Guid cycleId, AwardCategory category, IReadOnlyList<OutcomeInput> outcome, int postedVersion, CancellationToken ct)
    {
        var decision = await DecisionAsync(cycleId, category, ct);
        db.Entry(decision).Property(d => d.Version).OriginalValue = postedVersion;
        var candidates = await CandidatesAsync(cycleId, category, ct, current: true);
        var counts = await ShortlistQueries.CountsAsync(db, cycleId, ct);
        var posted = outcome.GroupBy(o => o.ApplicationId).ToDictionary(g => g.Key, g => g.Last());
        var kept = decision.Entries.GroupBy(e => e.ApplicationId).ToDictionary(g => g.Key, g => g.First());
        var entries = candidates.Where(id => posted.ContainsKey(id) || kept.ContainsKey(id)).Select(id =>
        {
            var (votesFor, against, recused) = counts.GetValueOrDefault(id);
            var (selected, reason) = posted.TryGetValue(id, out var o) ? (o.Selected, o.Reason ?? "") : (kept[id].Selected, kept[id].Reason);
            return new ShortlistEntry
            {
                ApplicationId = id, Selected = selected, VotesFor = votesFor, VotesAgainst = against, Recused = recused, Reason = reason,
            };
        }).ToList();
        decision.Record(entries, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Finalises the selection once the committee has 审议 the 资料评审阶段工作报告 (<see cref="IStageReportGate"/>). The gate: no application of the category may still be in 资格审查 or 补正, being scored or
    /// waiting for its consensus — unless the office records, per application, why it is left out.
    /// </summary>
    public async Task FinaliseAsync(Guid cycleId, AwardCategory category, string userId, int postedVersion, CancellationToken ct,
        IReadOnlyDictionary<Guid, string>? leftOut = null)
    {
        var decision = await DecisionAsync(cycleId, category, ct);
        db.Entry(decision).Property(d => d.Version).OriginalValue = postedVersion;
        // The selection rests on the ranking of the sheets as they are now; that version is kept with it.
        var current = await ranking.CurrentAsync(cycleId, "确定入围名单", ct)
            ?? throw new DomainRuleException("未找到该年度活动，请刷新页面后重试。");
        var candidates = Candidates(current.Board, category);
        if (candidates.Except(decision.Entries.Select(e => e.ApplicationId)).Count() is > 0 and var missing)
            throw new DomainRuleException($"排名中还有 {missing} 项申报尚未记录评议结果（可能是新确认了一致性评审），请在列表中筛选“未记录”，逐项填写并保存后再确定。");
        var passage = GatePassage.Pass(cycleId, StageGate.Shortlist, category, await UnfinishedAsync(cycleId, category, ct), leftOut, userId,
            clock.GetUtcNow());
        decision.Finalise(userId, clock.GetUtcNow(), current.SnapshotId, current.Number);
        // 第九条: the committee 审议 the 资料评审阶段工作报告 on the current data before a shortlist is final (refused: the decision is reloaded as it was).
        try { await reports.EnsureDeliberatedAsync(cycleId, StageReportKind.DocumentReview, ct); }
        catch (DomainRuleException) { await db.Entry(decision).ReloadAsync(ct); throw; }
        db.Add(passage);
        await notices.FinalisedAsync(decision, ct);
        await db.SaveChangesAsync(ct);
        await ranking.PinAsync(current.SnapshotId, ct);
    }

    /// <summary>Applications of the category the shortlist would silently lose: before or in 资格审查, or 资料评审 unfinished.</summary>
    public async Task<List<UnfinishedApplication>> UnfinishedAsync(Guid cycleId, AwardCategory category, CancellationToken ct)
    {
        var unfinished = await GateQueries.BeforeQualificationAsync(db, cycleId, category, ct);
        var candidates = (await CandidatesAsync(cycleId, category, ct, current: false)).ToHashSet();
        var scoring = (await GateQueries.QualifiedAsync(db, cycleId, category, ct)).Where(id => !candidates.Contains(id)).ToList();
        if (scoring.Count == 0) return unfinished;
        var inConsensus = await db.Set<ConsensusSheet>().AsNoTracking().Where(s => scoring.Contains(s.ApplicationId))
            .Select(s => s.ApplicationId).Distinct().ToListAsync(ct);
        var names = await GateQueries.NamesAsync(db, scoring, ct);
        unfinished.AddRange(scoring.Select(id => new UnfinishedApplication(id, names[id],
            inConsensus.Contains(id) ? "一致性评审尚未确认" : "资料评审评分中")).OrderBy(u => u.Name));
        return unfinished;
    }

    /// <summary>Reopens a final selection; refused while 现场评审 is built on it (the visits must be withdrawn first, with a reason).</summary>
    public async Task ReopenAsync(Guid cycleId, AwardCategory category, string? reason, CancellationToken ct)
    {
        var decision = await DecisionAsync(cycleId, category, ct);
        if (decision.IsFinal)
            await uses.EnsureUnusedAsync(GatedList.Shortlist, cycleId, category, $"{Cycle.CategoryDisplay(category)}入围名单", ct);
        decision.Reopen(reason ?? "");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Applications of the category with an agreed consensus: the ones the committee deliberates on. <paramref name="current"/>:
    /// from the sheets as they are now (recording the outcome), else from the stored ranking the members see.
    /// </summary>
    public async Task<List<Guid>> CandidatesAsync(Guid cycleId, AwardCategory category, CancellationToken ct, bool current = false)
    {
        var stored = current ? await ranking.CurrentAsync(cycleId, "记录入围评议结果", ct) : await ranking.ReadAsync(cycleId, ct);
        return stored is null ? [] : Candidates(stored.Board, category);
    }

    private static List<Guid> Candidates(RankingBoard board, AwardCategory category) =>
        board.For(category)?.Rows.Where(r => r.ConsensusPoints is not null).Select(r => r.ApplicationId).ToList() ?? [];

    private async Task EnsureCandidateAsync(Guid cycleId, AwardCategory category, Guid applicationId, CancellationToken ct)
    {
        if (!(await CandidatesAsync(cycleId, category, ct)).Contains(applicationId))
            throw new DomainRuleException("该申报不在本类别的评议名单中（一致性评审尚未确认），暂不能投票。");
    }
}
