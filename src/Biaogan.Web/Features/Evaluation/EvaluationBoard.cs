using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>
/// One application in 综合评价: the document and on-site results side by side and the weighted score
/// (资料评审 × w + 现场评审 × (100 − w)) / 100. <see cref="Withheld"/> rows belong to a member's conflict: no scores.
/// </summary>
public sealed record EvaluationRow(
    int Place, Guid ApplicationId, string? Number, string Name, decimal? DocumentScore, decimal? OnSiteScore, decimal? CombinedScore,
    int? DocumentRank, bool Withheld);

/// <summary>The side-by-side table of one category, with the weights and the scale it was computed with.</summary>
public sealed record EvaluationBoard(Cycle Cycle, AwardCategory Category, int DocumentWeight, int OnSiteWeight, double TotalPoints,
    IReadOnlyList<EvaluationRow> Rows)
{
    public string CategoryText => Cycle.CategoryDisplay(Category);

    /// <summary>The same board with the scores of <paramref name="withheld"/> removed (a member's conflicts).</summary>
    public EvaluationBoard Without(IReadOnlySet<Guid> withheld) => this with
    {
        Rows = Rows.Select(r => withheld.Contains(r.ApplicationId)
            ? r with { Place = 0, DocumentScore = null, OnSiteScore = null, CombinedScore = null, DocumentRank = null, Withheld = true }
            : r).ToList(),
    };
}

public static class EvaluationBoards
{
    /// <summary>The weighted score, rounded to two decimals (weights in percent, from the cycle's settings).</summary>
    public static decimal Combine(decimal documentScore, decimal onSiteScore, int documentWeight) =>
        Math.Round((documentScore * documentWeight + onSiteScore * (100 - documentWeight)) / 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Applications of the category whose 现场评审 result the office approved, best combined score first;
    /// <paramref name="ranking"/> (the stored 资料评审 ranking) gives their document rank and the scale.
    /// </summary>
    public static async Task<EvaluationBoard> LoadAsync(AppDbContext db, RankingBoard? ranking, Cycle cycle, AwardCategory category, CancellationToken ct)
    {
        var results = await OnSiteResults.ApprovedAsync(db, cycle.Id, ct);
        var ids = results.Keys.ToList();
        var apps = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                          where ids.Contains(a.Id) && a.Category == category
                          select new { a.Id, a.Number, o.Name, a.ServiceName }).ToListAsync(ct);
        var documentRank = ranking?.For(category)?.Rows.Where(r => r.Rank > 0).ToDictionary(r => r.ApplicationId, r => r.Rank) ?? [];
        var weight = cycle.Settings.EvaluationDocumentWeight;
        var rows = apps.Select(a =>
        {
            var r = results[a.Id];
            var name = a.ServiceName is { Length: > 0 } s ? $"{a.Name}（{s}）" : a.Name;
            return new EvaluationRow(0, a.Id, a.Number, name, r.DocumentScore, r.OnSiteScore, Combine(r.DocumentScore, r.OnSiteScore, weight),
                documentRank.TryGetValue(a.Id, out var rank) ? rank : null, false);
        }).OrderByDescending(r => r.CombinedScore).ThenByDescending(r => r.OnSiteScore).ThenBy(r => r.Number).ToList();
        var placed = new List<EvaluationRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
            placed.Add(rows[i] with { Place = i > 0 && rows[i - 1].CombinedScore == rows[i].CombinedScore ? placed[i - 1].Place : i + 1 });
        return new EvaluationBoard(cycle, category, weight, cycle.Settings.EvaluationOnSiteWeight, ranking?.TotalPoints ?? 0, placed);
    }
}

/// <summary>
/// The figures of a finalised 综合评价 as the committee saw them (weights, scale, every row), kept in
/// <see cref="EvaluationDecision.Figures"/> so the page and the export show them unchanged after later corrections.
/// </summary>
public sealed record EvaluationFigures(int DocumentWeight, int OnSiteWeight, double TotalPoints, IReadOnlyList<EvaluationRow> Rows)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new();

    public static string Write(EvaluationBoard board) =>
        System.Text.Json.JsonSerializer.Serialize(new EvaluationFigures(board.DocumentWeight, board.OnSiteWeight, board.TotalPoints, board.Rows), Json);

    /// <summary>The board of a finalised decision from its kept figures.</summary>
    public static EvaluationBoard Read(string figures, Cycle cycle, AwardCategory category)
    {
        var f = System.Text.Json.JsonSerializer.Deserialize<EvaluationFigures>(figures, Json)
            ?? throw new InvalidOperationException("综合评价确定时保存的数据为空。");
        return new EvaluationBoard(cycle, category, f.DocumentWeight, f.OnSiteWeight, f.TotalPoints, f.Rows);
    }
}
