using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>资料评审排名 per category, with the calibrated score beside the raw score, charts and the Excel export.</summary>
[Authorize(Policy = Policies.ReviewCommittee)]
public sealed class IndexModel(AppDbContext db, IRankingNames names, RankingStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public Cycle? Cycle { get; private set; }
    public RankingBoard? Board { get; private set; }
    /// <summary>The stored version shown (its number, time and whether newer scores wait for the recompute).</summary>
    public StoredRanking? Stored { get; private set; }
    public bool IsOffice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        Cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        IsOffice = User.IsOffice();
        if (Cycle is null) return;
        Stored = await RankingAccess.StoredForAsync(store, names, User, Cycle.Id, ct);
        Board = Stored?.Board;
    }

    /// <summary>The ranking as .xlsx (office only: the workbook carries the names).</summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        var cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        if (cycle is null) return NotFound();
        var stored = await store.ReadAsync(cycle.Id, ct);
        return File(RankingExcel.Write(stored!.Board), RankingExcel.ContentType, $"{cycle.Year}年度资料评审排名.xlsx");
    }

    public string Chart(CategoryRankingBoard c) => ScoreChart.Histogram($"{c.CategoryText}分数分布",
        c.Rows.Where(r => r.RawMean is not null).Select(r => r.RawMean!.Value).ToList(),
        c.Rows.Where(r => r.Calibrated is not null).Select(r => r.Calibrated!.Value).ToList(), Board!.TotalPoints);
}
