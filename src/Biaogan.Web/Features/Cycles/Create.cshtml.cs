using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Cycles;

/// <summary>新建年度活动: only the year; everything else starts from the defaults and is edited next.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class CreateModel(AppDbContext db, CycleWorkflow workflow, TimeProvider clock) : AppPageModel
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
        var cycle = await workflow.CreateAsync(Year!.Value, ct);
        Flash = $"已新建“{cycle.Name}”（筹备中）。请核对阶段日期和各项设置，确认无误后再开启申报。";
        return RedirectToPage("Edit", new { id = cycle.Id });
    }
}
