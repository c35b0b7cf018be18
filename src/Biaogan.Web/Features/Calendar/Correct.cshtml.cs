using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Calendar;

/// <summary>更正某日: the office sets one day off, working, or back to normal, with a required note.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class CorrectModel(CalendarAdmin admin, WorkingDayCalendar calendar) : AppPageModel
{
    public sealed class CorrectionInput
    {
        [Display(Name = "日期")]
        [Required(ErrorMessage = "请选择要更正的日期。")]
        public DateOnly? Date { get; set; }

        [Display(Name = "更正为")]
        [Required(ErrorMessage = "请选择更正为放假、上班还是按常规计算。")]
        public DayCorrection? Correction { get; set; }

        [Display(Name = "名称")]
        [StringLength(100, ErrorMessage = "名称不超过 100 字。")]
        public string? Name { get; set; }

        [Display(Name = "更正说明")]
        [Required(ErrorMessage = "请填写更正说明（例如依据的通知文号或更正原因）。")]
        [StringLength(500, ErrorMessage = "更正说明不超过 500 字。")]
        public string? Note { get; set; }
    }

    [BindProperty]
    public CorrectionInput Input { get; set; } = new();

    /// <summary>How the chosen day counts now, shown beside the form.</summary>
    public string? CurrentState { get; private set; }

    public async Task OnGetAsync(DateOnly? date, CancellationToken ct)
    {
        Input.Date = date;
        await DescribeAsync(ct);
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await DescribeAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        var day = await admin.CorrectDayAsync(Input.Date!.Value, Input.Correction!.Value, Input.Name, Input.Note!, ct);
        Flash = $"已更正 {ChinaTime.FormatWithWeekday(day.Date)}：{day.KindDisplay}（{day.Name}）。依据该日计算的期限已按新日历重新计算。";
        return RedirectToPage("Year", new { year = day.Date.Year });
    }

    private async Task DescribeAsync(CancellationToken ct)
    {
        if (Input.Date is not { } d) return;
        var table = await calendar.GetTableAsync(ct);
        var info = table.Find(d);
        var kind = table.IsWorkday(d) ? "工作日" : "休息日";
        var why = info switch
        {
            null => "无特殊安排，按常规计算",
            { Name: CalendarDay.NormalName } => "已由办公室更正为按常规计算",
            { IsOffDay: true } => $"{info.Name}放假",
            _ => CalendarDay.IsWeekend(d) ? $"{info.Name}调休上班" : info.Name,
        };
        var published = table.IsPublished(d.Year) ? "" : $"；{d.Year}年节假日安排未发布，按周一至周五计算，未确认";
        CurrentState = $"{ChinaTime.FormatWithWeekday(d)}目前为{kind}（{why}{published}）。";
    }
}
