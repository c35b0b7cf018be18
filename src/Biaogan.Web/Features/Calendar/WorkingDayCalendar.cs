using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Biaogan.Web.Features.Calendar;

/// <summary>
/// The one source of working days for deadlines (补正期限, 公示期, reminders). Reads the office-maintained
/// calendar from the database, cached briefly; edits call <see cref="Invalidate"/>.
/// </summary>
public sealed class WorkingDayCalendar(AppDbContext db, IMemoryCache cache)
{
    private const string CacheKey = "calendar:table";

    public async Task<HolidayTable> GetTableAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(CacheKey, out HolidayTable? table) && table is not null) return table;
        var days = await db.Set<CalendarDay>().AsNoTracking()
            .Select(d => new HolidayDayInfo(d.Date, d.IsOffDay, d.Name)).ToListAsync(ct);
        var years = await db.Set<CalendarYear>().AsNoTracking().Where(y => y.Published).Select(y => y.Year).ToListAsync(ct);
        table = new HolidayTable(days, years);
        cache.Set(CacheKey, table, TimeSpan.FromMinutes(1));
        return table;
    }

    public async Task<WorkdayResult> AddWorkdaysAsync(DateOnly start, int workdays, bool countStart, CancellationToken ct = default) =>
        (await GetTableAsync(ct)).AddWorkdays(start, workdays, countStart);

    public void Invalidate() => cache.Remove(CacheKey);
}
