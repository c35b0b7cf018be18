using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.StageReports;

/// <summary>Applications of one category at each step of 资料评审.</summary>
public sealed record CategoryFigures(string Category, int Submitted, int Qualified, int Reviewed, int Proposed);

/// <summary>One 资料评审专家组 (one per application): its seats, leader, sheets and the spread of its scores in points.</summary>
public sealed record GroupLine(string Category, string Application, int Members, string Leader, int Sheets, double? Consensus,
    double? Mean, double? Min, double? Max, double? StdDev)
{
    public double? Spread => Max - Min;
}

/// <summary>The spread of the scores of one category (from the calibrated ranking's per-application figures).</summary>
public sealed record SpreadLine(string Category, int Applications, double? MeanSpread, double? WidestSpread, string WidestApplication,
    double? MeanStdDev, double? ConsensusLow, double? ConsensusHigh);

/// <summary>A conflict of interest declared or found in the stage and how it was handled.</summary>
public sealed record ConflictLine(string Kind, string Application, string Person, string Source, string Handling);

/// <summary>An application the committee's deliberation proposes (or does not propose) for 现场评审.</summary>
public sealed record ProposalLine(string Category, int Rank, string Application, double? Consensus, bool Selected, int VotesFor,
    int VotesAgainst, int Recused, string Reason);

/// <summary>The figures of the 资料评审阶段工作报告 (第九条、第十七条).</summary>
public sealed record DocumentReviewReportData(int Year, string CycleName, IReadOnlyList<CategoryFigures> Categories,
    IReadOnlyList<GroupLine> Groups, IReadOnlyList<SpreadLine> Spreads, IReadOnlyList<ConflictLine> Conflicts,
    IReadOnlyList<ProposalLine> Proposals);

/// <summary>Builds the 资料评审阶段工作报告 from the stage's records: applications, groups, conflicts, ranking and shortlist.</summary>
public static class DocumentReviewReport
{
    /// <param name="board">The stored 资料评审 ranking the report reads its scores from.</param>
    public static async Task<DocumentReviewReportData> BuildAsync(AppDbContext db, Cycle cycle, RankingBoard? board, CancellationToken ct)
    {
        var apps = await db.Set<Application>().AsNoTracking().Where(a => a.CycleId == cycle.Id && a.Category != null)
            .Select(a => new { a.Id, a.Number, Category = a.Category!.Value, a.SubmittedAt, a.Status }).ToListAsync(ct);
        var names = await GateQueries.NamesAsync(db, apps.Select(a => a.Id).ToList(), ct);
        var categoryOf = apps.ToDictionary(a => a.Id, a => a.Category);
        string Label(Guid id) => apps.FirstOrDefault(a => a.Id == id) is { } a
            ? (a.Number is { Length: > 0 } n ? $"{n} {names.GetValueOrDefault(id, "")}" : names.GetValueOrDefault(id, "")) : "（已删除的申报）";

        var decisions = await ShortlistQueries.DecisionsAsync(db, cycle.Id, ct);
        var rows = board?.Categories.SelectMany(c => c.Rows).ToList() ?? [];

        var categories = Enum.GetValues<AwardCategory>().Select(k => new CategoryFigures(Cycle.CategoryDisplay(k),
            apps.Count(a => a.Category == k && a.SubmittedAt != null),
            apps.Count(a => a.Category == k && a.Status == ApplicationStatus.Qualified),
            rows.Count(r => r.Category == k && r.ConsensusPoints is not null),
            decisions.Where(d => d.Category == k).SelectMany(d => d.Entries).Count(e => e.Selected))).ToList();

        var groups = await db.Set<ExpertGroup>().AsNoTracking().Include(g => g.Members)
            .Where(g => g.CycleId == cycle.Id && g.Stage == ReviewStage.Document).ToListAsync(ct);
        var reviewerIds = groups.SelectMany(g => g.Members).Select(m => m.ReviewerId).Distinct().ToList();
        var reviewers = await db.Set<ReviewerProfile>().AsNoTracking().Where(p => reviewerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var rowOf = rows.ToDictionary(r => r.ApplicationId);
        var groupLines = groups.Where(g => categoryOf.ContainsKey(g.ApplicationId)).Select(g =>
        {
            var r = rowOf.GetValueOrDefault(g.ApplicationId);
            return new GroupLine(Cycle.CategoryDisplay(categoryOf[g.ApplicationId]), Label(g.ApplicationId), g.ActiveMembers.Count(),
                g.Leader is { } l ? reviewers.GetValueOrDefault(l.ReviewerId, "—") : "—", r?.SubmittedSheets ?? 0,
                R(r?.ConsensusPoints), R(r?.RawMean), R(r?.MinScore), R(r?.MaxScore), R(r?.StdDev));
        }).OrderBy(g => g.Category).ThenBy(g => g.Application, StringComparer.Ordinal).ToList();

        var spreads = (board?.Categories ?? []).Select(c =>
        {
            var scored = c.Rows.Where(r => r.Spread is not null).ToList();
            var widest = scored.OrderByDescending(r => r.Spread).ThenBy(r => r.Number).FirstOrDefault();
            var agreed = c.Rows.Where(r => r.ConsensusPoints is not null).Select(r => r.ConsensusPoints!.Value).ToList();
            return new SpreadLine(c.CategoryText, scored.Count, scored.Count == 0 ? null : R(scored.Average(r => r.Spread!.Value)),
                R(widest?.Spread), widest is null ? "—" : Label(widest.ApplicationId),
                scored.Count == 0 ? null : R(scored.Where(r => r.StdDev is not null).Select(r => r.StdDev!.Value).DefaultIfEmpty().Average()),
                agreed.Count == 0 ? null : R(agreed.Min()), agreed.Count == 0 ? null : R(agreed.Max()));
        }).ToList();

        var proposals = decisions.OrderBy(d => d.Category).SelectMany(d => d.Entries.Select(e => new ProposalLine(Cycle.CategoryDisplay(d.Category),
                rowOf.GetValueOrDefault(e.ApplicationId)?.Rank ?? 0, Label(e.ApplicationId), R(rowOf.GetValueOrDefault(e.ApplicationId)?.ConsensusPoints),
                e.Selected, e.VotesFor, e.VotesAgainst, e.Recused, e.Reason))
            .OrderByDescending(p => p.Selected).ThenBy(p => p.Rank).ThenBy(p => p.Application, StringComparer.Ordinal)).ToList();

        return new DocumentReviewReportData(cycle.Year, cycle.Name, categories, groupLines, spreads,
            await ConflictsAsync(db, cycle.Id, Label, reviewers, ct), proposals);
    }

    private static async Task<List<ConflictLine>> ConflictsAsync(AppDbContext db, Guid cycleId, Func<Guid, string> label,
        Dictionary<Guid, string> reviewers, CancellationToken ct)
    {
        var cases = await db.Set<ConflictCase>().AsNoTracking().Where(c => c.CycleId == cycleId).ToListAsync(ct);
        var missing = cases.Select(c => c.ReviewerId).Where(id => !reviewers.ContainsKey(id)).Distinct().ToList();
        foreach (var p in await db.Set<ReviewerProfile>().AsNoTracking().Where(p => missing.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            reviewers[p.Id] = p.Name;
        var lines = cases.Select(c => new ConflictLine("评审员利益冲突", label(c.ApplicationId), reviewers.GetValueOrDefault(c.ReviewerId, "—"),
            c.Source.Display(), c.Status switch
            {
                ConflictStatus.Confirmed => "已确认，回避" + (c.DecisionReason is { Length: > 0 } r ? $"：{r}" : ""),
                ConflictStatus.Dismissed => $"经核查不构成冲突：{c.DecisionReason}",
                _ => "待活动办公室确认（期间回避）",
            })).ToList();
        var committee = await db.Set<CommitteeConflict>().AsNoTracking().Where(c => c.CycleId == cycleId).ToListAsync(ct);
        var memberIds = committee.Select(c => c.MemberId).Distinct().ToList();
        var members = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        lines.AddRange(committee.Select(c => new ConflictLine("评审委员会委员回避", label(c.ApplicationId), members.GetValueOrDefault(c.MemberId, "—"),
            CommitteeConflict.SourceDisplay(c.Source) + (c.Reason.Length > 0 ? $"：{c.Reason}" : ""),
            c.Active ? "回避，不参加该项投票" : $"回避已撤销：{c.WithdrawReason}")));
        return lines.OrderBy(l => l.Kind).ThenBy(l => l.Application, StringComparer.Ordinal).ThenBy(l => l.Person, StringComparer.Ordinal)
            .ThenBy(l => l.Source, StringComparer.Ordinal).ToList();
    }

    /// <summary>Two decimals: the figures are points, and the hash of the report must not move with the last bits of a fit.</summary>
    internal static double? R(double? v) => v is { } x ? Math.Round(x, 2, MidpointRounding.AwayFromZero) : null;
}
