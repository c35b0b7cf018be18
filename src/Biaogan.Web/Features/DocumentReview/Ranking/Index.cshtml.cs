using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Ranking;

/// <summary>
/// 资料评审排名: one page of the stored ranking, filtered (类别, 地区, 行业, 所属集团, 申报编号或名称) and sorted, with the
/// calibrated score beside the raw score, the distribution charts of the whole ranking and the Excel export.
/// </summary>
[Authorize(Policy = Policies.ReviewCommittee)]
public sealed class IndexModel(AppDbContext db, IRankingNames names, RankingStore store) : PageModel
{
    public RankingFilter Filter { get; private set; } = new();
    public ListView? Paging { get; private set; }
    /// <summary>The rows of the page, as the viewer may see them.</summary>
    public IReadOnlyList<RankingRow> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public Cycle? Cycle { get; private set; }
    public RankingBoard? Board { get; private set; }
    /// <summary>The stored version shown (its number, time and whether newer scores wait for the recompute).</summary>
    public StoredRanking? Stored { get; private set; }
    public bool IsOffice { get; private set; }

    public async Task OnGetAsync(RankingFilter filter, ListQuery list, CancellationToken ct)
    {
        Filter = filter;
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        Cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        IsOffice = User.IsOffice();
        if (Cycle is null) return;
        Stored = await store.ReadAsync(Cycle.Id, ct);
        Board = Stored?.Board;
        if (Board is null) return;
        var shown = Board.Categories.Select(c => c.Category).ToList();
        var seen = IsOffice ? RankingNames.AllShown : await names.NamesAsync(Cycle.Id, shown, ct);
        foreach (var (field, messages) in filter.Errors(seen, filter.ParsedCategory is { } k ? [k] : shown)) ModelState.AddModelError(field, messages[0]);
        var page = await RankingList.PageAsync(db, Board, seen, ModelState.IsValid ? filter : new RankingFilter(), list, null, ct);
        var routes = filter.RouteValues();
        routes["cycleId"] = Cycle.Id.ToString();
        Paging = ListView.Of(page, RankingList.Sorts, list, routes);
        Rows = page.Items;
        HiddenCategories = seen.Hidden;
    }

    /// <summary>Categories whose names the viewer does not see (a committee member before the office reveals them).</summary>
    public IReadOnlySet<AwardCategory> HiddenCategories { get; private set; } = new HashSet<AwardCategory>();

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
