using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Calibration;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// One application's line in the 资料评审 ranking: the group's agreed consensus total in points (一致性总分), the plain
/// mean of its reviewers' submitted sheets (原始平均分), the calibrated score with each reviewer's severity removed
/// (校准分) and the spread of the sheets. Scores are in points of the pinned standard.
/// </summary>
public sealed record RankingRow(
    int Rank, Guid ApplicationId, string? Number, string Name, AwardCategory Category,
    double? ConsensusPoints, double? RawMean, double? Calibrated, int? CalibratedRank, bool IsCalibrated,
    double? MinScore, double? MaxScore, double? StdDev, int SubmittedSheets, string? Note)
{
    /// <summary>最高分 − 最低分 of the submitted sheets.</summary>
    public double? Spread => MaxScore - MinScore;

    /// <summary>False on a committee member's view while names are hidden: then <see cref="Name"/> is an alias.</summary>
    public bool NameShown { get; init; } = true;
}

public sealed record CategoryRankingBoard(AwardCategory Category, IReadOnlyList<RankingRow> Rows)
{
    public string CategoryText => Cycle.CategoryDisplay(Category);
}

/// <summary>The ranking of one cycle, per award category (企业类 / 服务类).</summary>
public sealed record RankingBoard(Guid CycleId, string CycleName, double TotalPoints, IReadOnlyList<CategoryRankingBoard> Categories,
    IReadOnlyList<ScoreComponent> SmallComponents)
{
    public CategoryRankingBoard? For(AwardCategory category) => Categories.FirstOrDefault(c => c.Category == category);
}

/// <summary>Builds the ranking from the database: agreed consensus sheets and submitted individual sheets.</summary>
public static class RankingQueries
{
    public static async Task<RankingBoard?> LoadAsync(AppDbContext db, Guid cycleId, CancellationToken ct)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null) return null;

        var groups = await db.Set<ExpertGroup>().AsNoTracking()
            .Where(g => g.CycleId == cycleId && g.Stage == ReviewStage.Document).Select(g => g.Id).ToListAsync(ct);
        var consensus = await db.Set<ConsensusSheet>().AsNoTracking()
            .Where(s => s.CycleId == cycleId && s.Status == ConsensusStatus.Agreed && groups.Contains(s.GroupId)).ToListAsync(ct);
        var sheets = await db.Set<ScoreSheet>().AsNoTracking()
            .Where(s => s.CycleId == cycleId && s.Status == SheetStatus.Submitted && groups.Contains(s.GroupId)).ToListAsync(ct);

        var versionIds = consensus.Select(c => c.CriteriaVersionId).Concat(sheets.Select(s => s.CriteriaVersionId)).Distinct().ToList();
        var versions = await db.Set<CriteriaVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToListAsync(ct);
        var points = ItemPoints(versions.Select(v => v.Document));
        var total = versions.Count > 0 ? versions.Max(v => v.Document.TotalPoints) : CriteriaCatalog.DocumentForCycle(cycle.StandardCode).TotalPoints;

        var appIds = consensus.Select(c => c.ApplicationId).Concat(sheets.Select(s => s.ApplicationId)).Distinct().ToList();
        var apps = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                          where appIds.Contains(a.Id) && a.Category != null
                          select new { a.Id, a.Number, o.Name, a.ServiceName, Category = a.Category!.Value }).ToListAsync(ct);

        var scores = sheets.SelectMany(s => s.Items.Where(i => i.Percent is not null && points.ContainsKey(i.ItemCode))
            .Select(i => new ItemScore<string>(s.ReviewerId, s.ApplicationId, i.ItemCode, i.Percent!.Value))).ToList();
        var calibration = scores.Count > 0 ? CalibrationModel.FitItems(scores, points) : null;
        var categoryOf = apps.ToDictionary(a => a.Id, a => a.Category);
        var calibratedRank = calibration is null ? new Dictionary<Guid, int>()
            : CalibratedRanking.ByCategory(calibration.Applications.Where(a => categoryOf.ContainsKey(a.Application)), categoryOf)
                .SelectMany(c => c.Entries).ToDictionary(e => e.Score.Application, e => e.Rank);

        var consensusPoints = consensus.GroupBy(c => c.ApplicationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.AgreedAt).First().Items
                .Sum(i => points.GetValueOrDefault(i.ItemCode) * (i.Percent ?? 0) / 100.0));
        var sheetCount = sheets.GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g => g.Count());

        var categories = apps.GroupBy(a => a.Category).OrderBy(g => g.Key).Select(g =>
        {
            var rows = g.Select(a =>
            {
                var c = calibration?.ForApplication(a.Id);
                var name = a.ServiceName is { Length: > 0 } s ? $"{a.Name}（{s}）" : a.Name;
                double? cp = consensusPoints.TryGetValue(a.Id, out var v) ? Math.Round(v, 2) : null;
                var note = cp is null ? "一致性评审尚未确认" : null;
                if (c?.Explanation is { Length: > 0 } e) note = note is null ? e : $"{note}；{e}";
                return new RankingRow(0, a.Id, a.Number, name, a.Category, cp, c?.RawMean, c?.CalibratedScore,
                    calibratedRank.TryGetValue(a.Id, out var r) ? r : null, c?.IsCalibrated ?? false,
                    c?.MinScore, c?.MaxScore, c?.StdDev, sheetCount.GetValueOrDefault(a.Id), note);
            }).OrderByDescending(r => r.ConsensusPoints ?? double.MinValue).ThenByDescending(r => r.Calibrated ?? double.MinValue)
                .ThenBy(r => r.Number).ToList();
            return new CategoryRankingBoard(g.Key, Ranked(rows));
        }).ToList();

        var small = calibration?.Components.Where(c => c.TooSmallToCalibrate).ToList() ?? [];
        return new RankingBoard(cycle.Id, cycle.Name, total, categories, small);
    }

    /// <summary>Places by consensus total: equal totals share a place (1, 2, 2, 4); no consensus yet, no place (0).</summary>
    private static List<RankingRow> Ranked(List<RankingRow> rows)
    {
        var result = new List<RankingRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var rank = r.ConsensusPoints is null ? 0
                : i > 0 && rows[i - 1].ConsensusPoints == r.ConsensusPoints ? result[i - 1].Rank : i + 1;
            result.Add(r with { Rank = rank });
        }
        return result;
    }

    private static Dictionary<string, double> ItemPoints(IEnumerable<CriteriaDocument> documents)
    {
        var points = new Dictionary<string, double>();
        foreach (var item in documents.SelectMany(d => d.Items)) points.TryAdd(item.Code, item.Points);
        return points;
    }

    /// <summary>The cycle a ranking page opens on: the one asked for, else the open one, else the latest.</summary>
    public static async Task<Cycle?> CycleAsync(AppDbContext db, Guid? cycleId, CancellationToken ct) =>
        cycleId is { } id
            ? await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            : await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Status == CycleStatus.Open).ThenByDescending(c => c.Year).FirstOrDefaultAsync(ct);
}

/// <summary>How scores are printed on pages: one decimal, “—” when there is none.</summary>
public static class ScoreText
{
    public static string F(double? v) => v is { } x ? x.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
