using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>One organisation on the committee's finalised recommended list.</summary>
public sealed record RecommendedEntry(Guid ApplicationId, AwardCategory Category, int Rank, decimal? CombinedScore, string Reason);

/// <summary>The questions 公示 and 审定 ask about 综合评价.</summary>
public static class EvaluationQueries
{
    /// <summary>Whether every category of the cycle has a finalised decision (a list, or “none”).</summary>
    public static async Task<bool> CompleteAsync(AppDbContext db, Guid cycleId, CancellationToken ct = default)
    {
        var finalised = await db.Set<EvaluationDecision>().AsNoTracking()
            .Where(d => d.CycleId == cycleId && d.Status == EvaluationStatus.Finalised).Select(d => d.Category).ToListAsync(ct);
        return Enum.GetValues<AwardCategory>().All(finalised.Contains);
    }

    /// <summary>The recommended organisations of the finalised categories, enterprise category first, by rank.</summary>
    public static async Task<IReadOnlyList<RecommendedEntry>> RecommendedAsync(AppDbContext db, Guid cycleId, CancellationToken ct = default)
    {
        var decisions = await db.Set<EvaluationDecision>().AsNoTracking()
            .Where(d => d.CycleId == cycleId && d.Status == EvaluationStatus.Finalised).ToListAsync(ct);
        return decisions.OrderBy(d => d.Category)
            .SelectMany(d => d.Entries.Where(e => e.Recommended).OrderBy(e => e.Rank)
                .Select(e => new RecommendedEntry(e.ApplicationId, d.Category, e.Rank ?? 0, e.CombinedScore, e.Reason)))
            .ToList();
    }
}
