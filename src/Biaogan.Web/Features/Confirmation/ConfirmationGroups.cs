using Biaogan.Web.Features.Assignment.Solver;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>
/// The office's side of the confirmation groups (确认组, 第二十四条): the engine proposes, the office edits (every added
/// reviewer checked against the conflict rules), then applies — the reviewers are told and the opinion deadline and its
/// reminder are set. The workflow saves (docs/decisions/0028).
/// </summary>
public sealed class ConfirmationGroups(AppDbContext db, TimeProvider clock, CurrentActor actor, GroupCandidates candidates,
    IOptions<ConfirmationOptions> options, GroupNotices notices)
{
    public int GroupSize => Math.Max(1, options.Value.GroupSize);

    /// <summary>Proposes a group for every benchmark of the round that has none, with the assignment engine; returns how many.</summary>
    public async Task<int> ProposeAsync(Guid roundId, CancellationToken ct)
    {
        var round = await OpenRoundAsync(roundId, ct);
        var entries = await db.Set<ConfirmationEntry>().AsNoTracking().Where(e => e.RoundId == round.Id).ToListAsync(ct);
        var staffed = await db.Set<ConfirmationSeat>().Where(s => s.RoundId == round.Id && s.Status != SeatStatus.Removed)
            .Select(s => s.EntryId).Distinct().ToListAsync(ct);
        var open = entries.Where(e => !staffed.Contains(e.Id)).OrderBy(e => e.CertificateNumber).ToList();
        if (open.Count == 0) throw new DomainRuleException("本批每个标杆都已有确认组。如需调整，请在各确认组中增减成员。");
        var pool = await candidates.LoadAsync(open, ct);
        var problem = new AssignmentProblem(open.Where(e => pool.Benchmarks.ContainsKey(e.Id)).Select(e => pool.Benchmarks[e.Id]).ToList(),
            pool.Reviewers.Select(r => r.Solver).ToList(),
            pool.Conflicts.Select(c => new ReviewerApplicationPair(c.Key.ReviewerId, c.Key.EntryId)).ToList()) { GroupSize = GroupSize };
        var result = AssignmentSolver.Solve(problem, new SolverOptions { TimeLimit = TimeSpan.FromSeconds(20), Workers = 1 }, cancellationToken: ct);
        if (result.Solution is null)
            throw new DomainRuleException("无法按回避规则组成确认组：" + string.Join("；", result.Problems.Select(p => p.Description).DefaultIfEmpty(result.Summary))
                + "。可在评审员库中增加评审员后重试，或手工组成确认组；确实无法组成的，可记录理由后不经确认组意见提交领导小组审议。");
        foreach (var g in result.Solution.Groups)
        {
            var entry = open.First(e => e.Id == g.ApplicationId);
            var ordered = g.ReviewerIds.OrderByDescending(id => id == g.LeaderId).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var r = pool.Reviewer(ordered[i])!;
                db.Add(new ConfirmationSeat(entry, r.Id, r.Name, r.UserId, i == 0, "分配引擎建议"));
            }
        }
        await db.SaveChangesAsync(ct);
        return result.Solution.Groups.Count;
    }

    /// <summary>The office adds a reviewer by hand: refused for a conflict, a full load, a second member of one employer.</summary>
    public async Task<ConfirmationSeat?> AddAsync(Guid entryId, Guid reviewerId, bool leader, CancellationToken ct)
    {
        var entry = await db.Set<ConfirmationEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null) return null;
        await OpenRoundAsync(entry.RoundId, ct);
        var pool = await candidates.LoadAsync([entry], ct);
        var r = pool.Reviewer(reviewerId)
            ?? throw new DomainRuleException("该评审员不在可用的评审员库中（未聘用、聘期已满或没有账号），请重新选择。");
        var seats = await db.Set<ConfirmationSeat>().Where(s => s.EntryId == entryId && s.Status != SeatStatus.Removed).ToListAsync(ct);
        if (seats.Any(s => s.ReviewerId == reviewerId)) throw new DomainRuleException($"{r.Name} 已在该确认组中。");
        if (pool.ConflictsOf(reviewerId, entryId).FirstOrDefault() is { } why)
            throw new DomainRuleException($"{r.Name} 与{entry.OrganizationName}存在利益冲突（{why}），不能进入该确认组，请另选评审员。");
        if (r.Capacity <= 0) throw new DomainRuleException($"{r.Name} 已承担 {options.Value.MaxSeatsPerReviewer} 个确认组席位，已达上限，请另选评审员。");
        var sameEmployer = seats.Select(s => pool.Reviewer(s.ReviewerId)).FirstOrDefault(o => o is not null && o.Solver.EmployerKey.Length > 0
            && o.Solver.EmployerKey == r.Solver.EmployerKey);
        if (sameEmployer is not null) throw new DomainRuleException($"{r.Name} 与组内的 {sameEmployer.Name} 同属一个单位，同一确认组不能有同一单位的两名评审员。");
        var makeLeader = leader || seats.All(s => !s.IsLeader);
        if (makeLeader) foreach (var s in seats) s.MakeLeader(false);
        var seat = new ConfirmationSeat(entry, r.Id, r.Name, r.UserId, makeLeader, $"{actor.Name} 调整确认组");
        db.Add(seat);
        await db.SaveChangesAsync(ct);
        return seat;
    }

    /// <summary>The office takes a member out (with a reason); the reviewer's opinion, if any, stays on file.</summary>
    public async Task<ConfirmationSeat?> RemoveAsync(Guid seatId, string? reason, CancellationToken ct)
    {
        var seat = await db.Set<ConfirmationSeat>().FirstOrDefaultAsync(s => s.Id == seatId, ct);
        if (seat is null) return null;
        await OpenRoundAsync(seat.RoundId, ct);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写调整理由（如“评审员因故不能参加”）。");
        seat.End($"{actor.Name} 调整：{reason.Trim()}", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return seat;
    }

    /// <summary>Makes the member the group's 组长 (the one who submits the group's opinion).</summary>
    public async Task<ConfirmationSeat?> LeaderAsync(Guid seatId, CancellationToken ct)
    {
        var seat = await db.Set<ConfirmationSeat>().FirstOrDefaultAsync(s => s.Id == seatId, ct);
        if (seat is null) return null;
        await OpenRoundAsync(seat.RoundId, ct);
        if (await db.Set<ConfirmationOpinion>().AnyAsync(o => o.EntryId == seat.EntryId && o.IsGroupOpinion && o.SubmittedAt != null, ct))
            throw new DomainRuleException("组长已提交确认组意见，不能再更换组长。");
        foreach (var s in await db.Set<ConfirmationSeat>().Where(s => s.EntryId == seat.EntryId && s.Id != seat.Id).ToListAsync(ct)) s.MakeLeader(false);
        seat.MakeLeader(true);
        await db.SaveChangesAsync(ct);
        return seat;
    }

    /// <summary>
    /// Applies the round's proposed seats: each is checked against the conflict rules again, the reviewers are told, the
    /// opinion deadline is set and its reminder scheduled. Returns how many reviewers were told.
    /// </summary>
    public async Task<int> ApplyAsync(Guid roundId, CancellationToken ct)
    {
        var round = await OpenRoundAsync(roundId, ct);
        var proposed = await db.Set<ConfirmationSeat>().Where(s => s.RoundId == roundId && s.Status == SeatStatus.Proposed).ToListAsync(ct);
        if (proposed.Count == 0) throw new DomainRuleException("没有待通知的确认组成员。请先生成建议或手工添加成员。");
        var entryIds = proposed.Select(s => s.EntryId).Distinct().ToList();
        var entries = await db.Set<ConfirmationEntry>().AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToListAsync(ct);
        var pool = await candidates.LoadAsync(entries, ct);
        var conflicted = proposed.Where(s => pool.ConflictsOf(s.ReviewerId, s.EntryId).Any()).ToList();
        if (conflicted.Count > 0)
            throw new DomainRuleException("以下成员现与获奖组织存在利益冲突，请先移出后再通知：" + string.Join("、", conflicted.Select(s =>
                $"{s.ReviewerName}（{entries.First(e => e.Id == s.EntryId).OrganizationName}）")) + "。");
        var today = clock.Today();
        var dueOn = (round.SubmitBy > today ? round.SubmitBy : today).AddDays(options.Value.OpinionDays);
        var now = clock.GetUtcNow();
        foreach (var s in proposed) s.Assign(dueOn, now);
        await notices.SeatsAssignedAsync(proposed, entries, dueOn, ct);
        await db.SaveChangesAsync(ct);
        foreach (var e in entries) await notices.ScheduleReminderAsync(e.Id, dueOn, ct);
        return proposed.Count;
    }

    /// <summary>The office lets the case go before the leading group without the group's opinion, with the reason.</summary>
    public async Task<ConfirmationEntry?> ProceedWithoutAsync(Guid entryId, int? version, string? reason, CancellationToken ct)
    {
        var entry = await db.Set<ConfirmationEntry>().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null) return null;
        await OpenRoundAsync(entry.RoundId, ct);
        await db.SaveWithVersionAsync(entry, version, e => e.ProceedWithoutOpinion(reason, actor.Name), ct);
        return entry;
    }

    private async Task<ConfirmationRound> OpenRoundAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.Set<ConfirmationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct)
            ?? throw new DomainRuleException("该确认批次不存在，请刷新页面。");
        if (round.Status != RoundStatus.Open) throw new DomainRuleException("该批确认结果已经公布，确认组不能再调整。");
        return round;
    }
}
