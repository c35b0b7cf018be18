using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Calendar;

/// <summary>One year's exceptional days (放假, 调休上班, hand corrections).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class YearModel(AppDbContext db) : PageModel
{
    public int Year { get; private set; }
    public CalendarYear? Notice { get; private set; }
    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) return NotFound();
        Year = year;
        Notice = await db.Set<CalendarYear>().AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, ct);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        Days = await db.Set<CalendarDay>().AsNoTracking()
            .Where(d => d.NoticeYear == year || (d.Date >= first && d.Date <= last))
            .OrderBy(d => d.Date).ToListAsync(ct);
        return Page();
    }
}
