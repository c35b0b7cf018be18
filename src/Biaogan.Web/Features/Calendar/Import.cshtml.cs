using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Calendar;

/// <summary>Loads a year's State Council notice: a holiday-cn JSON file, or the days typed in by hand.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ImportModel(AppDbContext db, CalendarAdmin admin, TimeProvider clock) : AppPageModel
{
    private const long MaxFileBytes = 1024 * 1024;

    public sealed class ManualInput
    {
        [Display(Name = "通知年度")]
        [Required(ErrorMessage = "请填写通知年度。")]
        [Range(2000, 2100, ErrorMessage = "通知年度应在 2000 至 2100 之间。")]
        public int? Year { get; set; }

        [Display(Name = "全部特殊日期")]
        [Required(ErrorMessage = "请逐行填写该年度通知中的全部放假和调休上班日期。")]
        public string? Lines { get; set; }

        [Display(Name = "通知文号或网址")]
        [StringLength(2000, ErrorMessage = "通知文号或网址不超过 2000 字。")]
        public string? Papers { get; set; }
    }

    [BindProperty]
    public ManualInput Manual { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Task OnGetAsync(int? year, CancellationToken ct) => FillManualAsync(year ?? clock.Today().Year + 1, ct);

    /// <summary>After a refused upload the manual form was not posted: show it filled as on first visit.</summary>
    public override async Task<IActionResult> RedisplayAsync()
    {
        if (Manual.Year is null) await FillManualAsync(clock.Today().Year + 1, HttpContext.RequestAborted);
        return Page();
    }

    private async Task FillManualAsync(int year, CancellationToken ct)
    {
        Manual.Year = year;
        var days = await db.Set<CalendarDay>().AsNoTracking().Where(d => d.NoticeYear == Manual.Year).ToListAsync(ct);
        Manual.Lines = days.Count > 0 ? ManualNotice.Format(days) : null;
        Manual.Papers = await db.Set<CalendarYear>().AsNoTracking().Where(y => y.Year == Manual.Year)
            .Select(y => y.Papers).FirstOrDefaultAsync(ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
            throw new DomainRuleException("请选择要上传的节假日文件（holiday-cn 格式的 .json 文件）。");
        if (Upload.Length > MaxFileBytes)
            throw new DomainRuleException("文件超过 1 MB，不像是一年的节假日安排。请确认选择了正确的 .json 文件。");
        await using var stream = Upload.OpenReadStream();
        var result = await admin.ImportJsonAsync(stream, CalendarAdmin.FileSource, ct);
        Flash = result.Summary;
        return RedirectToPage("Year", new { year = result.Year });
    }

    public async Task<IActionResult> OnPostManualAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var notice = ManualNotice.Parse(Manual.Year!.Value, Manual.Lines, Manual.Papers);
        var result = await admin.ImportAsync(notice, CalendarAdmin.ManualSource, ct);
        Flash = result.Summary;
        return RedirectToPage("Year", new { year = result.Year });
    }
}
