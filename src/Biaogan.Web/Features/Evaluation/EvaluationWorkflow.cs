using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>The office's outcome for one application when recording the committee's 综合评价.</summary>
public sealed record EvaluationOutcome(Guid ApplicationId, bool Recommended, string? Reason);

/// <summary>One application's committee votes, leaving out members who stand aside for a conflict.</summary>
public sealed record EvaluationTally(Guid ApplicationId, int For, int Against, int Recused, int NotVoted, IReadOnlyList<EvaluationVote> Votes)
{
    public bool MajorityFor => For > Against;
}

/// <summary>
/// 综合评价 (第二十条): members vote on the applications with an approved on-site result, except those they stand aside
/// from (the committee's conflict declarations of the cycle, shared with the shortlist); the office records the outcome
/// per category with the votes and reasons and finalises it within the cycle quota (第五条).
/// </summary>
public sealed class EvaluationWorkflow(AppDbContext db, TimeProvider clock, Notifier notifier, UserManager<AppUser> users,
    IEnumerable<IListUse> uses, IStageReportGate reports, RankingStore ranking)
{
    /// <summary>
    /// The side-by-side table as pages show it: a finalised category's kept figures (exactly what the committee decided
    /// on), else the current results with the stored 资料评审 ranking.
    /// </summary>
    public async Task<EvaluationBoard> BoardAsync(Cycle cycle, AwardCategory category, CancellationToken ct)
    {
        var figures = await db.Set<EvaluationDecision>().AsNoTracking()
            .Where(d => d.CycleId == cycle.Id && d.Category == category && d.Status == EvaluationStatus.Finalised).Select(d => d.Figures).FirstOrDefaultAsync(ct);
        return figures is { Length: > 0 } f ? EvaluationFigures.Read(f, cycle, category) : await LiveBoardAsync(cycle, category, ct);
    }

    /// <summary>The current results, with the stored 资料评审 ranking (what a page shows while the category is open).</summary>
    public async Task<EvaluationBoard> LiveBoardAsync(Cycle cycle, AwardCategory category, CancellationToken ct) =>
        await EvaluationBoards.LoadAsync(db, (await ranking.ReadAsync(cycle.Id, ct))?.Board, cycle, category, ct);

    /// <summary>The category's decision, created when first needed.</summary>
    public Task<EvaluationDecision> DecisionAsync(Guid cycleId, AwardCategory category, CancellationToken ct) =>
        db.GetOrCreateAsync(d => d.CycleId == cycleId && d.Category == category, () => new EvaluationDecision(cycleId, category, clock.GetUtcNow()), ct);

    /// <summary>Applications the member stands aside from in the cycle.</summary>
    public async Task<HashSet<Guid>> ConflictsOfAsync(Guid cycleId, string memberId, CancellationToken ct) =>
        (await db.Set<CommitteeConflict>().AsNoTracking().Where(c => c.CycleId == cycleId && c.MemberId == memberId && c.WithdrawnAt == null)
            .Select(c => c.ApplicationId).ToListAsync(ct)).ToHashSet();

    public async Task<EvaluationVote> VoteAsync(Cycle cycle, AwardCategory category, Guid applicationId, string memberId, bool recommend,
        string? reason, CancellationToken ct)
    {
        var decision = await DecisionAsync(cycle.Id, category, ct);
        decision.EnsureOpen();
        var board = await LiveBoardAsync(cycle, category, ct);
        if (board.Rows.All(r => r.ApplicationId != applicationId))
            throw new DomainRuleException("该申报不在本类别的综合评价名单中（现场评审结果尚未经活动办公室确认），暂不能投票。");
        if ((await ConflictsOfAsync(cycle.Id, memberId, ct)).Contains(applicationId))
            throw new DomainRuleException("您与该申报存在利益冲突，已回避，不参加该项投票。");
        await Governance.CommitteeVoters.EnsureVoterAsync(db, cycle.Id, Governance.CommitteeKind.Review, memberId, ct);
        var vote = await db.Set<EvaluationVote>().FirstOrDefaultAsync(v => v.ApplicationId == applicationId && v.MemberId == memberId, ct);
        var first = vote is null;
        if (vote is null) db.Add(vote = new EvaluationVote(cycle.Id, applicationId, memberId, recommend, reason ?? "", clock.GetUtcNow()));
        else vote.Change(recommend, reason ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (first) await NotifyWhenAllVotedAsync(cycle, board, ct);
        return vote;
    }

    /// <summary>A member declares (or the office records) a conflict; the member's 综合评价 vote on it, if any, is withdrawn.</summary>
    public async Task<CommitteeConflict> DeclareConflictAsync(Cycle cycle, AwardCategory category, Guid applicationId, string memberId,
        CommitteeConflictSource source, string? reason, string recordedBy, CancellationToken ct)
    {
        (await DecisionAsync(cycle.Id, category, ct)).EnsureOpen();
        var board = await LiveBoardAsync(cycle, category, ct);
        if (board.Rows.All(r => r.ApplicationId != applicationId)) throw new DomainRuleException("未找到该申报，请刷新页面后重新选择。");
        if (!(await ShortlistQueries.MembersAsync(db, cycle.Id, ct)).Any(m => m.UserId == memberId))
            throw new DomainRuleException("请选择一位评审委员会委员。");
        if ((await ConflictsOfAsync(cycle.Id, memberId, ct)).Contains(applicationId))
            throw new DomainRuleException("该委员对这项申报的回避已登记，无需重复登记。");
        var conflict = new CommitteeConflict(cycle.Id, applicationId, memberId, source, reason ?? "", recordedBy, clock.GetUtcNow());
        db.Add(conflict);
        await db.Set<EvaluationVote>().Where(v => v.ApplicationId == applicationId && v.MemberId == memberId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return conflict;
    }

    /// <summary>Votes per application of <paramref name="applications"/>: only their votes and conflicts are read.</summary>
    public async Task<Dictionary<Guid, EvaluationTally>> TallyAsync(Guid cycleId, IEnumerable<Guid> applications, CancellationToken ct)
    {
        var ids = applications.Distinct().ToList();
        var memberCount = (await ShortlistQueries.MembersAsync(db, cycleId, ct)).Count;
        var votes = (await db.Set<EvaluationVote>().AsNoTracking().Where(v => v.CycleId == cycleId && ids.Contains(v.ApplicationId)).ToListAsync(ct))
            .ToLookup(v => v.ApplicationId);
        var conflicts = (await db.Set<CommitteeConflict>().AsNoTracking()
            .Where(c => c.CycleId == cycleId && c.WithdrawnAt == null && ids.Contains(c.ApplicationId))
            .Select(c => new { c.MemberId, c.ApplicationId }).ToListAsync(ct)).ToLookup(c => c.ApplicationId, c => c.MemberId);
        return ids.ToDictionary(a => a, a =>
        {
            var recused = conflicts[a].ToHashSet();
            var counted = votes[a].Where(v => !recused.Contains(v.MemberId)).ToList();
            return new EvaluationTally(a, counted.Count(v => v.Recommend), counted.Count(v => !v.Recommend), recused.Count,
                Math.Max(0, memberCount - recused.Count - counted.Count), counted);
        });
    }

    /// <summary>Records the committee's outcome for every application of the category, with the current votes and combined scores.</summary>
    public async Task<EvaluationDecision> RecordAsync(Cycle cycle, AwardCategory category, IReadOnlyList<EvaluationOutcome> outcome,
        IReadOnlyList<Guid> rankedOrder, string? noneReason, int? postedVersion, CancellationToken ct)
    {
        var decision = await DecisionAsync(cycle.Id, category, ct);
        if (postedVersion is { } v) db.Entry(decision).Property(d => d.Version).OriginalValue = v;
        var board = await LiveBoardAsync(cycle, category, ct);
        var tally = await TallyAsync(cycle.Id, board.Rows.Select(r => r.ApplicationId), ct);
        var byId = outcome.ToDictionary(o => o.ApplicationId);
        if (byId.Keys.Except(board.Rows.Select(r => r.ApplicationId)).Any())
            throw new DomainRuleException("提交的结果中有申报不在本类别的综合评价名单中，请刷新页面后重新填写。");
        // Recommended ones are ranked in the order the office gave, else by the combined score.
        var order = rankedOrder.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var entries = board.Rows.OrderBy(r => order.TryGetValue(r.ApplicationId, out var i) ? i : int.MaxValue).ThenBy(r => r.Place)
            .Select(r =>
            {
                var o = byId.GetValueOrDefault(r.ApplicationId);
                var t = tally[r.ApplicationId];
                return new EvaluationEntry
                {
                    ApplicationId = r.ApplicationId, Recommended = o?.Recommended ?? false, CombinedScore = r.CombinedScore,
                    VotesFor = t.For, VotesAgainst = t.Against, Recused = t.Recused, Reason = o?.Reason ?? "",
                };
            }).ToList();
        decision.Record(entries, noneReason ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return decision;
    }

    /// <summary>Finalises the category: the recommended ones of the other finalised categories count against the quota (第五条).</summary>
    /// <remarks>The gate (<see cref="EvaluationGate"/>) refuses while applications of the category are unfinished, unless each has a reason.</remarks>
    public async Task<EvaluationDecision> FinaliseAsync(Cycle cycle, AwardCategory category, string userId, int? postedVersion, CancellationToken ct,
        IReadOnlyDictionary<Guid, string>? leftOut = null)
    {
        var decision = await DecisionAsync(cycle.Id, category, ct);
        if (postedVersion is { } v) db.Entry(decision).Property(d => d.Version).OriginalValue = v;
        var board = await LiveBoardAsync(cycle, category, ct);
        if (board.Rows.Select(r => r.ApplicationId).Except(decision.Entries.Select(e => e.ApplicationId)).Any())
            throw new DomainRuleException("有新确认现场评审结果的申报尚未记录评价结果，请重新保存综合评价结果后再确定。");
        var unfinished = await EvaluationGate.UnfinishedAsync(db, cycle.Id, category, board.Rows.Select(r => r.ApplicationId).ToList(), ct);
        var passage = GatePassage.Pass(cycle.Id, StageGate.Evaluation, category, unfinished, leftOut, userId, clock.GetUtcNow());
        var others = await OthersRecommendedAsync(cycle.Id, category, ct);
        decision.Finalise(userId, others, cycle.Quota, clock.GetUtcNow(), EvaluationFigures.Write(board));
        // 第九条: the committee 审议 the 现场评审工作报告 on the current data before the recommended list is final (refused: the decision is reloaded as it was).
        try { await reports.EnsureDeliberatedAsync(cycle.Id, StageReportKind.OnSite, ct); }
        catch (DomainRuleException) { await db.Entry(decision).ReloadAsync(ct); throw; }
        db.Add(passage);
        await NotifyAsync(DefaultTemplates.EvaluationFinalised, await Governance.CommitteeVoters.VotersAsync(db, cycle.Id, Governance.CommitteeKind.Review, ct), cycle, board, decision, ct);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    public async Task<EvaluationDecision> ReopenAsync(Cycle cycle, AwardCategory category, string? reason, int? postedVersion, CancellationToken ct)
    {
        var decision = await DecisionAsync(cycle.Id, category, ct);
        if (postedVersion is { } v) db.Entry(decision).Property(d => d.Version).OriginalValue = v;
        if (decision.Status == EvaluationStatus.Finalised)
            await uses.EnsureUnusedAsync(GatedList.Evaluation, cycle.Id, category, $"{Cycle.CategoryDisplay(category)}推荐名单", ct);
        decision.Reopen(reason ?? "");
        await db.SaveChangesAsync(ct);
        return decision;
    }

    /// <summary>Recommended organisations on the finalised lists of the other categories.</summary>
    public async Task<int> OthersRecommendedAsync(Guid cycleId, AwardCategory category, CancellationToken ct) =>
        (await db.Set<EvaluationDecision>().AsNoTracking()
            .Where(d => d.CycleId == cycleId && d.Category != category && d.Status == EvaluationStatus.Finalised).ToListAsync(ct))
        .Sum(d => d.RecommendedCount);

    /// <summary>Tells the office once every member without a conflict has voted on every application of the category.</summary>
    private async Task NotifyWhenAllVotedAsync(Cycle cycle, EvaluationBoard board, CancellationToken ct)
    {
        var tally = await TallyAsync(cycle.Id, board.Rows.Select(r => r.ApplicationId), ct);
        if (tally.Values.Any(t => t.NotVoted > 0)) return;
        var office = await users.GetUsersInRoleAsync(Roles.Office);
        await NotifyAsync(DefaultTemplates.EvaluationVotingComplete, office, cycle, board, null, ct);
        await db.SaveChangesAsync(ct);
    }

    private Task NotifyAsync(string template, IEnumerable<AppUser> to, Cycle cycle, EvaluationBoard board, EvaluationDecision? decision,
        CancellationToken ct) =>
        notifier.NotifyAsync(template, to, new Dictionary<string, string>
        {
            ["年度"] = cycle.Name, ["类别"] = board.CategoryText, ["申报数"] = board.Rows.Count.ToString(),
            ["推荐数"] = (decision?.RecommendedCount ?? 0).ToString(),
        }, $"/Evaluation?cycleId={cycle.Id}&category={board.Category}", ct);
}
