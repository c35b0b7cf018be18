using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Reviewers;
using ReviewerGate = Biaogan.Web.Features.Assignment.ReviewerGate;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>How the caller stands towards one application's consensus.</summary>
public enum ConsensusRole
{
    /// <summary>活动办公室: reads everything, reopens.</summary>
    Office,
    /// <summary>组长: records and agrees the consensus once their own sheet is submitted.</summary>
    Leader,
    /// <summary>组员: reads the consensus once agreed.</summary>
    Member,
}

/// <summary>One line of the consensus history (from the audit trail).</summary>
public sealed record HistoryLine(DateTimeOffset At, string Actor, string Action);

/// <summary>What the consensus page and API show to one caller.</summary>
public sealed record ConsensusView(
    ConsensusRole Role, Guid ApplicationId, string ApplicantName, Cycle Cycle, CriteriaDocument Criteria,
    ConsensusSheet? Sheet, ConsensusBoard? Board, int ActiveMembers, int Submitted, bool OwnSubmitted, IReadOnlyList<HistoryLine> History)
{
    /// <summary>Whether the caller may see the individual scores and the consensus (never before their own sheet is submitted).</summary>
    public bool MaySeeScores => Role == ConsensusRole.Office || (OwnSubmitted && (Role == ConsensusRole.Leader || Sheet?.Status == ConsensusStatus.Agreed));

    public bool CanEdit => Role == ConsensusRole.Leader && OwnSubmitted && Sheet is { Status: ConsensusStatus.Draft };
}

/// <summary>
/// 一致性评审 (Baldrige consensus review): the 组长 records the agreed percentage, comment, strengths and opportunities
/// per item and agrees; members read the result; the office reads everything and may reopen. Individual sheets are
/// kept as they were submitted.
/// </summary>
public sealed class ConsensusWorkflow(AppDbContext db, ScoringWorkflow scoring, TimeProvider clock, ShortlistVoteNotice voteNotice,
    IScoreChanges changes)
{
    /// <summary>The caller's view, or null when they may not see this application's consensus at all (answer 404).</summary>
    public async Task<ConsensusView?> LoadAsync(string userId, bool isOffice, Guid applicationId, CancellationToken ct = default)
    {
        var group = await db.Set<ExpertGroup>().AsNoTracking().Include(g => g.Members)
            .FirstOrDefaultAsync(g => g.ApplicationId == applicationId && g.Stage == ReviewStage.Document, ct);
        if (group is null) return null;
        ConsensusRole role;
        ScoreSheet? own = null;
        if (isOffice) role = ConsensusRole.Office;
        else
        {
            var seat = await ReviewerGate.ReadableSeatAsync(db, userId, applicationId, ReviewStage.Document, ct);
            if (seat is null) return null;
            role = seat.Role == GroupRole.Leader ? ConsensusRole.Leader : ConsensusRole.Member;
            own = await db.Set<ScoreSheet>().AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == seat.Id, ct);
        }
        var ownSubmitted = own?.Status == SheetStatus.Submitted;
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == group.CycleId, ct);
        var sheet = await db.Set<ConsensusSheet>().FirstOrDefaultAsync(s => s.GroupId == group.Id, ct);
        var active = group.ActiveMembers.Select(m => m.Id).ToList();
        var submitted = await db.Set<ScoreSheet>().AsNoTracking()
            .Where(s => s.GroupId == group.Id && s.Status == SheetStatus.Submitted && active.Contains(s.MemberId)).ToListAsync(ct);
        var criteria = await scoring.CriteriaAsync(sheet?.CriteriaVersionId ?? submitted.FirstOrDefault()?.CriteriaVersionId
            ?? (await scoring.PinnedVersionAsync(cycle, ct)).Id, ct);
        var names = await db.Set<ReviewerProfile>().AsNoTracking().Where(p => submitted.Select(s => s.ReviewerId).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var leaderId = group.Leader?.Id;
        var columns = submitted.OrderBy(s => s.MemberId == leaderId ? 0 : 1).ThenBy(s => names.GetValueOrDefault(s.ReviewerId))
            .Select(s => new BoardColumn(names.GetValueOrDefault(s.ReviewerId) ?? "评审员", s.MemberId == leaderId, s)).ToList();
        var board = new ConsensusBoard(criteria, columns, cycle.Settings.ConsensusSpreadThreshold);
        // Opened once every member has submitted, so that the pre-filled medians rest on all the sheets.
        if (sheet is null && role == ConsensusRole.Leader && ownSubmitted && submitted.Count == active.Count)
            sheet = await CreateAsync(group, criteria, board, ct);
        var view = new ConsensusView(role, applicationId, await scoring.ApplicantNameAsync(applicationId, ct), cycle, criteria, sheet,
            board, active.Count, submitted.Count, ownSubmitted, await HistoryAsync(applicationId, ct));
        // Nobody sees another reviewer's scores before submitting their own; members only once agreed.
        return view.MaySeeScores ? view : view with { Board = null, Sheet = null };
    }

    private async Task<ConsensusSheet> CreateAsync(ExpertGroup group, CriteriaDocument criteria, ConsensusBoard board, CancellationToken ct)
    {
        var versionId = board.Columns.FirstOrDefault()?.Sheet.CriteriaVersionId
            ?? (await scoring.PinnedVersionAsync(await db.Set<Cycle>().FirstAsync(c => c.Id == group.CycleId, ct), ct)).Id;
        var sheet = new ConsensusSheet(group.CycleId, group.ApplicationId, group.Id, versionId, criteria.Items.Select(i => i.Code), clock.GetUtcNow());
        // Pre-filled with the median of the submitted sheets; the group moves it where it agrees.
        foreach (var item in sheet.Items) item.Percent = board.Row(item.ItemCode)?.Median;
        db.Add(sheet);
        try
        {
            await db.SaveChangesAsync(ct);
            return sheet;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Set<ConsensusSheet>().FirstAsync(s => s.GroupId == group.Id, ct);
        }
    }

    /// <summary>The 组长 saves (and, when <paramref name="agree"/>, agrees) the consensus.</summary>
    public async Task SaveAsync(ConsensusView view, string userId, IEnumerable<ConsensusItem> items, string summary, int postedVersion,
        bool agree, CancellationToken ct = default)
    {
        if (view.Role != ConsensusRole.Leader || !view.OwnSubmitted)
            throw new DomainRuleException("只有专家组组长在提交本人独立评分表后才能填写一致性评审。");
        var waiting = view.ActiveMembers - view.Submitted;
        var sheet = view.Sheet
            ?? throw new DomainRuleException($"还有 {waiting} 位专家组成员未提交独立评分表，全部提交后才能填写一致性评审。");
        if (sheet.Version != postedVersion) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        sheet.Record(items, summary, clock.GetUtcNow());
        if (agree)
        {
            if (waiting > 0)
                throw new DomainRuleException($"还有 {waiting} 位专家组成员未提交独立评分表，全部提交后才能确认一致性评审结果。已填写的内容已保留，请点击“保存”。");
            sheet.Agree(userId, clock.GetUtcNow());
            await voteNotice.ConsensusAgreedAsync(view.ApplicationId, ct);
        }
        await SaveSheetAsync(sheet, postedVersion, ct);
        if (agree) await changes.ScoresChangedAsync(sheet.CycleId, "一致性评审确认", ct);
    }

    /// <summary>The office reopens an agreed consensus with a reason (audited).</summary>
    public async Task ReopenAsync(Guid consensusId, string reason, int postedVersion, CancellationToken ct = default)
    {
        var sheet = await db.Set<ConsensusSheet>().FirstOrDefaultAsync(s => s.Id == consensusId, ct)
            ?? throw new DomainRuleException("一致性评审表不存在，请刷新页面。");
        if (sheet.Version != postedVersion) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        sheet.Reopen(reason, clock.GetUtcNow());
        await SaveSheetAsync(sheet, postedVersion, ct);
        await changes.ScoresChangedAsync(sheet.CycleId, "一致性评审退回修改", ct);
    }

    private Task SaveSheetAsync(ConsensusSheet sheet, int postedVersion, CancellationToken ct)
    {
        db.Entry(sheet).Property(s => s.Version).OriginalValue = postedVersion;
        db.Entry(sheet).Property(s => s.UpdatedAt).IsModified = true;
        return db.SaveChangesAsync(ct);
    }

    /// <summary>The consensus and the sheets' state changes from the audit trail (scores themselves are not shown there).</summary>
    public async Task<IReadOnlyList<HistoryLine>> HistoryAsync(Guid applicationId, CancellationToken ct = default)
    {
        var key = applicationId.ToString();
        var entries = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.SubjectId == key && (a.EntityType == nameof(ConsensusSheet) || a.EntityType == nameof(ScoreSheet)) && a.Action != "修改")
            .Select(a => new { a.Id, a.At, a.ActorName, a.Action }).ToListAsync(ct);
        return entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new HistoryLine(e.At, e.ActorName, e.Action)).ToList();
    }
}
