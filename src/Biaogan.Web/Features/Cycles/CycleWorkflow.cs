using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Cycles;

/// <summary>
/// The office's changes to a cycle: create, revise the settings, open and close. Each checks the version the form
/// showed and saves (docs/decisions/0028); the rules themselves are the entity's methods.
/// </summary>
public sealed class CycleWorkflow(AppDbContext db, TimeProvider clock)
{
    public async Task<Cycle> CreateAsync(int year, CancellationToken ct)
    {
        if (await db.Set<Cycle>().AnyAsync(c => c.Year == year, ct))
            throw new DomainRuleException($"{year}年度活动已经存在，请在年度活动列表中打开它进行编辑。");
        var cycle = new Cycle(year, clock.GetUtcNow());
        db.Add(cycle);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else created the same year between our check and the insert (unique index).
            throw new DomainRuleException($"{year}年度活动刚刚已由他人新建，请在年度活动列表中打开它。");
        }
        return cycle;
    }

    public async Task ReviseAsync(Cycle cycle, int postedVersion, CycleRevision revision, CancellationToken ct)
    {
        Guard(cycle, postedVersion);
        cycle.Revise(revision);
        await db.SaveWithVersionAsync(cycle, postedVersion, ct);
    }

    public async Task OpenAsync(Cycle cycle, int postedVersion, CancellationToken ct)
    {
        Guard(cycle, postedVersion);
        cycle.Open(await CycleQueries.AnotherOpenAsync(db, cycle.Id, ct), clock.GetUtcNow());
        try
        {
            await db.SaveWithVersionAsync(cycle, postedVersion, ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The filtered unique index caught another cycle opened at the same moment.
            throw new DomainRuleException("同一时间只能有一个年度活动接受申报。另一个年度活动刚刚已被开启，请先结束它。");
        }
    }

    public async Task CloseAsync(Cycle cycle, int postedVersion, CancellationToken ct)
    {
        Guard(cycle, postedVersion);
        cycle.Close(clock.GetUtcNow());
        await db.SaveWithVersionAsync(cycle, postedVersion, ct);
    }

    /// <summary>Makes the save fail if someone saved the cycle since this form was shown, even when only stage rows change.</summary>
    private void Guard(Cycle cycle, int postedVersion)
    {
        var version = db.Entry(cycle).Property(c => c.Version);
        version.OriginalValue = postedVersion;
        version.IsModified = true;
    }
}
