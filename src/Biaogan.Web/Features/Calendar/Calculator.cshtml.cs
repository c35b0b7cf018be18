using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.Calendar;

/// <summary>工作日计算: start date + N working days → end date, with the days counted and any unconfirmed year.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class CalculatorModel(WorkingDayCalendar calendar, TimeProvider clock) : PageModel
{
    public sealed record CountedDay(int Number, DateOnly Date, string? Name);

    [BindProperty(SupportsGet = true)]
    [Display(Name = "起算日期")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "工作日数")]
    [Range(1, 366, ErrorMessage = "工作日数应在 1 至 366 之间。")]
    public int? Days { get; set; }

    /// <summary>发布当日是否计入: whether the start day itself is the first working day (when it is one).</summary>
    [BindProperty(SupportsGet = true)]
    public bool? CountStart { get; set; }

    public WorkdayResult? Result { get; private set; }
    public IReadOnlyList<CountedDay> Counted { get; private set; } = [];
    public IReadOnlyList<int> UnpublishedYears { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var asked = From is not null;
        From ??= clock.Today();
        Days ??= 7;
        CountStart ??= true;
        if (!asked || !ModelState.IsValid) return;
        var table = await calendar.GetTableAsync(ct);
        Result = table.AddWorkdays(From.Value, Days.Value, CountStart.Value);
        var first = CountStart.Value ? From.Value : From.Value.AddDays(1);
        var counted = new List<CountedDay>();
        for (var d = first; d <= Result.End; d = d.AddDays(1))
        {
            if (table.IsWorkday(d)) counted.Add(new CountedDay(counted.Count + 1, d, table.Find(d)?.Name));
        }
        Counted = counted;
        UnpublishedYears = Enumerable.Range(first.Year, Result.End.Year - first.Year + 1).Where(y => !table.IsPublished(y)).ToList();
    }
}
