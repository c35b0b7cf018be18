using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>回避规则 of a cycle: each rule on or off, and whether names are matched where a 统一社会信用代码 is missing.</summary>
[Authorize(Roles = Roles.OfficeOrAdmin)]
public sealed class RulesModel(AppDbContext db, CurrentActor actor, TimeProvider clock) : AppPageModel
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
        var rows = await ConflictRules.ForCycleAsync(db, Cycle.Id, clock.GetUtcNow(), ct);
        // The rows of a cycle are created on first sight, on by default.
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        Rules = rows.Select(r => new RuleInput { Kind = r.Kind, Enabled = r.Enabled, MatchByName = r.MatchByName, Version = r.Version }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadCycleAsync(ct);
        if (Cycle is null) throw new DomainRuleException("请先选择年度活动。");
        Cycle.EnsureEditable();
        var rows = await ConflictRules.ForCycleAsync(db, Cycle.Id, clock.GetUtcNow(), ct);
        foreach (var input in Rules)
        {
            var row = rows.FirstOrDefault(r => r.Kind == input.Kind) ?? throw new DomainRuleException("回避规则已变化，请刷新页面。");
            if (db.Entry(row).State != EntityState.Added) db.Entry(row).Property(r => r.Version).OriginalValue = input.Version;
            row.Change(input.Enabled, input.MatchByName, actor.Name, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
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
