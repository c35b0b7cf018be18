using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>
/// The gate of 综合评价 (docs/decisions/0031): a category's recommended list — or its “无推荐” — may not be made final while
/// applications of the category are still in 资格审查 or 补正, in 资料评审 (no final shortlist), or selected for
/// 现场评审 without an approved report. Applications not selected, or left out of the shortlist with a reason, are done.
/// </summary>
public static class EvaluationGate
{
    public static async Task<List<UnfinishedApplication>> UnfinishedAsync(AppDbContext db, Guid cycleId, AwardCategory category,
        IReadOnlyCollection<Guid> onBoard, CancellationToken ct)
    {
        var unfinished = await GateQueries.BeforeQualificationAsync(db, cycleId, category, ct);
        var shortlist = await db.Set<ShortlistDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.CycleId == cycleId && d.Category == category, ct);
        var qualified = await GateQueries.QualifiedAsync(db, cycleId, category, ct);
        var pending = new Dictionary<Guid, string>();
        if (shortlist is not { IsFinal: true })
            foreach (var id in qualified.Where(id => !onBoard.Contains(id))) pending[id] = "资料评审中（入围名单尚未确定）";
        else
        {
            var selected = shortlist.Entries.Where(e => e.Selected).Select(e => e.ApplicationId).Where(id => !onBoard.Contains(id)).ToList();
            var visits = await db.Set<SiteVisit>().AsNoTracking().Where(v => selected.Contains(v.ApplicationId))
                .Select(v => new { v.ApplicationId, v.Status }).ToListAsync(ct);
            foreach (var id in selected)
                pending[id] = visits.FirstOrDefault(v => v.ApplicationId == id) is { } v
                    ? $"现场评审{v.Status.Display()}，报告尚未经活动办公室确认"
                    : "现场评审尚未安排";
        }
        var names = await GateQueries.NamesAsync(db, pending.Keys.ToList(), ct);
        unfinished.AddRange(pending.Select(p => new UnfinishedApplication(p.Key, names.GetValueOrDefault(p.Key, ""), p.Value)).OrderBy(u => u.Name));
        return unfinished;
    }
}
