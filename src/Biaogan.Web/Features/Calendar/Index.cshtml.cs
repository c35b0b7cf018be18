using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Calendar;

/// <summary>工作日历: the years on file, published or awaiting the State Council notice.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record YearRow(int Year, bool Published, string Source, DateTimeOffset UpdatedAt, int Days, int Corrections);

    public IReadOnlyList<YearRow> Years { get; private set; } = [];
    public int ThisYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ThisYear = clock.Today().Year;
        var counts = await db.Set<CalendarDay>().AsNoTracking()
            .GroupBy(d => d.NoticeYear)
            .Select(g => new { Year = g.Key, Days = g.Count(), Corrections = g.Count(d => d.CorrectionNote != null) })
            .ToDictionaryAsync(x => x.Year, ct);
        var years = await db.Set<CalendarYear>().AsNoTracking().OrderByDescending(y => y.Year).ToListAsync(ct);
        Years = years.Select(y => new YearRow(y.Year, y.Published, y.Source, y.UpdatedAt,
            counts.GetValueOrDefault(y.Year)?.Days ?? 0, counts.GetValueOrDefault(y.Year)?.Corrections ?? 0)).ToList();
    }
}
