using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.OnSite;

/// <summary>
/// 现场评审 as a stage (docs/decisions/0031): the visits are built on the shortlist, so the shortlist cannot be reopened
/// while they exist (<see cref="IListUse"/>); the office may withdraw a category's visits with a reason; and the stage is
/// closed through its gate — every shortlisted application's visit approved by the office, or left out with a reason.
/// </summary>
public sealed class OnSiteStage(AppDbContext db, TimeProvider clock) : IListUse
{
    public GatedList List => GatedList.Shortlist;

    public async Task<string?> UseAsync(Guid cycleId, AwardCategory? category, CancellationToken ct)
    {
        var names = await VisitNamesAsync(cycleId, category, ct);
        return names.Count == 0 ? null
            : $"已为 {names.Count} 个入围组织建立现场评审记录（{string.Join("、", names.Values)}）。请先在“现场评审”页撤回这些现场评审安排并填写原因，再撤销确定。";
    }

    /// <summary>Withdraws the visits of a category (their records are deleted; the audit keeps them with the reason).</summary>
    public async Task<int> WithdrawVisitsAsync(Guid cycleId, AwardCategory category, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写撤回现场评审安排的原因。");
        if (await ClosedAtAsync(cycleId, ct) is not null)
            throw new DomainRuleException("现场评审阶段已经结束，不能再撤回现场评审安排。");
        var ids = (await VisitNamesAsync(cycleId, category, ct)).Keys.ToList();
        if (ids.Count == 0) throw new DomainRuleException($"{Cycle.CategoryDisplay(category)}没有可撤回的现场评审安排。");
        var visits = await db.Set<SiteVisit>().Where(v => ids.Contains(v.ApplicationId)).ToListAsync(ct);
        foreach (var v in visits) v.Withdraw(reason);
        db.RemoveRange(visits);
        await db.SaveChangesAsync(ct);
        return visits.Count;
    }

    /// <summary>Shortlisted applications whose visit the office has not approved yet: the stage's gate.</summary>
    public async Task<List<UnfinishedApplication>> UnfinishedAsync(Guid cycleId, CancellationToken ct)
    {
        var selected = await ShortlistQueries.SelectedAsync(db, cycleId, ct);
        var visits = await db.Set<SiteVisit>().AsNoTracking().Where(v => selected.Contains(v.ApplicationId))
            .Select(v => new { v.ApplicationId, v.Status }).ToListAsync(ct);
        var open = selected.Where(id => visits.All(v => v.ApplicationId != id || v.Status is not (SiteVisitStatus.OfficeApproved or SiteVisitStatus.Released)))
            .ToList();
        var names = await GateQueries.NamesAsync(db, open, ct);
        return open.Select(id => new UnfinishedApplication(id, names.GetValueOrDefault(id, ""),
                visits.FirstOrDefault(v => v.ApplicationId == id) is { } v ? $"现场评审{v.Status.Display()}，报告尚未经活动办公室确认" : "现场评审尚未安排"))
            .OrderBy(u => u.Name).ToList();
    }

    /// <summary>Closes the stage: no new visit records afterwards.</summary>
    public async Task<GatePassage> CloseAsync(Guid cycleId, string userId, IReadOnlyDictionary<Guid, string>? leftOut, CancellationToken ct)
    {
        if (await ClosedAtAsync(cycleId, ct) is not null) throw new DomainRuleException("现场评审阶段已经结束。");
        if ((await ShortlistQueries.SelectedAsync(db, cycleId, ct)).Count == 0)
            throw new DomainRuleException("评审委员会还没有确定现场评审入围名单，现场评审阶段尚未开始。");
        var passage = GatePassage.Pass(cycleId, StageGate.OnSite, null, await UnfinishedAsync(cycleId, ct), leftOut, userId, clock.GetUtcNow());
        db.Add(passage);
        await db.SaveChangesAsync(ct);
        return passage;
    }

    public async Task<DateTimeOffset?> ClosedAtAsync(Guid cycleId, CancellationToken ct) =>
        (await db.Set<GatePassage>().AsNoTracking().Where(p => p.CycleId == cycleId && p.Gate == StageGate.OnSite)
            .Select(p => new { p.PassedAt }).ToListAsync(ct)).Select(p => (DateTimeOffset?)p.PassedAt).Max();

    private async Task<Dictionary<Guid, string>> VisitNamesAsync(Guid cycleId, AwardCategory? category, CancellationToken ct)
    {
        var ids = await (from v in db.Set<SiteVisit>().AsNoTracking()
                         join a in db.Set<Application>().AsNoTracking() on v.ApplicationId equals a.Id
                         where v.CycleId == cycleId && (category == null || a.Category == category)
                         select v.ApplicationId).ToListAsync(ct);
        return await GateQueries.NamesAsync(db, ids, ct);
    }
}
