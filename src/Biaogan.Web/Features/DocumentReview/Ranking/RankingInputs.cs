using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// What the ranking of a cycle is computed from, in a few aggregates: the submitted sheets and agreed consensus sheets
/// (count and sum of their row versions — every change of a sheet moves its version) and the document-stage groups.
/// A stored version whose <see cref="RankingSnapshot.Inputs"/> differs from today's is stale. The workflows announce
/// their changes (<see cref="IScoreChanges"/>); this catches the changes nobody announced (a group dissolved, data
/// corrected by hand), so a stored ranking can never stay wrong unnoticed.
/// </summary>
public static class RankingInputs
{
    public static async Task<string> CurrentAsync(AppDbContext db, Guid cycleId, CancellationToken ct)
    {
        var sheets = await db.Set<ScoreSheet>().AsNoTracking().Where(s => s.CycleId == cycleId && s.Status == SheetStatus.Submitted)
            .GroupBy(_ => 1).Select(g => new { N = g.Count(), V = g.Sum(s => (long)s.Version) }).FirstOrDefaultAsync(ct);
        var consensus = await db.Set<ConsensusSheet>().AsNoTracking().Where(s => s.CycleId == cycleId && s.Status == ConsensusStatus.Agreed)
            .GroupBy(_ => 1).Select(g => new { N = g.Count(), V = g.Sum(s => (long)s.Version) }).FirstOrDefaultAsync(ct);
        var groups = await db.Set<ExpertGroup>().AsNoTracking().CountAsync(g => g.CycleId == cycleId && g.Stage == ReviewStage.Document, ct);
        return $"s{sheets?.N ?? 0}.{sheets?.V ?? 0}:c{consensus?.N ?? 0}.{consensus?.V ?? 0}:g{groups}";
    }
}
