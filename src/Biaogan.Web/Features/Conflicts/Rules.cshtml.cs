using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>回避规则 of a cycle: each rule on or off, and whether names are matched where a 统一社会信用代码 is missing.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class RulesModel(AppDbContext db, ConflictSettings settings) : AppPageModel
{
    public sealed class RuleInput
    {
        public ConflictRuleKind Kind { get; set; }
        public bool Enabled { get; set; }
        public bool MatchByName { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }
    [BindProperty] public List<RuleInput> Rules { get; set; } = [];

    public Cycle? Cycle { get; private set; }
    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadCycleAsync(ct);
        if (Cycle is null) return Page();
        var rows = await settings.RulesAsync(Cycle.Id, ct);
        Rules = rows.Select(r => new RuleInput { Kind = r.Kind, Enabled = r.Enabled, MatchByName = r.MatchByName, Version = r.Version }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadCycleAsync(ct);
        if (Cycle is null) throw new DomainRuleException("请先选择年度活动。");
        await settings.SaveRulesAsync(Cycle, Rules.Select(r => new RuleChange(r.Kind, r.Enabled, r.MatchByName, r.Version)).ToList(), ct);
        Flash = "回避规则已保存，下次排查时生效。已列入队列的记录不受影响。";
        return RedirectToPage(new { CycleId = Cycle.Id });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        db.ChangeTracker.Clear();
        await LoadCycleAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadCycleAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        CycleId ??= (await CycleQueries.CurrentOpenAsync(db, ct))?.Id ?? Cycles.FirstOrDefault()?.Id;
        Cycle = Cycles.FirstOrDefault(c => c.Id == CycleId);
    }
}
