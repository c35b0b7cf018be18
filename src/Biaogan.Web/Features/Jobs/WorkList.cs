using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Jobs;

/// <summary>One page of the scheduled-work table, filtered by state and kind, for the office's page and its JSON.</summary>
public sealed record WorkPage(IReadOnlyList<ScheduledWork> Items, int Total, int PageNumber, int PageCount,
    IReadOnlyDictionary<WorkState, int> Counts, IReadOnlyDictionary<string, string> Titles);

/// <summary>后台任务 listing: waiting and running work soonest first, finished and failed work latest first.</summary>
public sealed class WorkList(AppDbContext db, IEnumerable<IScheduledWork> handlers)
{
    public const int PageSize = 50;

    public async Task<WorkPage> LoadAsync(WorkState? state, string? kind, int page, CancellationToken ct)
    {
        var all = db.Set<ScheduledWork>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind)) all = all.Where(w => w.Kind == kind);
        var counts = (await all.GroupBy(w => w.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var query = state is { } s ? all.Where(w => w.State == s) : all;
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var ordered = state is WorkState.Pending or WorkState.Running
            ? query.OrderBy(w => w.DueAt).ThenBy(w => w.Id)
            : query.OrderByDescending(w => w.DueAt).ThenByDescending(w => w.Id);
        var items = await ordered.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new WorkPage(items, total, page, pageCount, counts, await TitlesAsync(ct));
    }

    /// <summary>Every kind in the table or with a handler on this node, with the handler's Chinese title.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TitlesAsync(CancellationToken ct)
    {
        var titles = handlers.GroupBy(h => h.Kind).ToDictionary(g => g.Key, g => g.First().Title);
        foreach (var k in await db.Set<ScheduledWork>().Select(w => w.Kind).Distinct().ToListAsync(ct))
            titles.TryAdd(k, k);
        return titles;
    }
}
