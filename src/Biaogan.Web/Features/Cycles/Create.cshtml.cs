using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Cycles;

/// <summary>新建年度活动: only the year; everything else starts from the defaults and is edited next.</summary>
[Authorize(Roles = Roles.OfficeOrAdmin)]
public sealed class CreateModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    [BindProperty]
    [Display(Name = "年度")]
    [Required(ErrorMessage = "请填写年度。")]
    [Range(2016, 2100, ErrorMessage = "年度应在 2016 年（本细则实施之年）至 2100 年之间。")]
    public int? Year { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var thisYear = clock.Today().Year;
        Year = await db.Set<Cycle>().AnyAsync(c => c.Year == thisYear, ct) ? thisYear + 1 : thisYear;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        if (await db.Set<Cycle>().AnyAsync(c => c.Year == Year, ct))
            throw new DomainRuleException($"{Year}年度活动已经存在，请在年度活动列表中打开它进行编辑。");
        var cycle = new Cycle(Year!.Value, clock.GetUtcNow());
        db.Add(cycle);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else created the same year between our check and the insert (unique index).
            throw new DomainRuleException($"{Year}年度活动刚刚已由他人新建，请在年度活动列表中打开它。");
        }
        Flash = $"已新建“{cycle.Name}”（筹备中）。请核对阶段日期和各项设置，确认无误后再开启申报。";
        return RedirectToPage("Edit", new { id = cycle.Id });
    }
}
