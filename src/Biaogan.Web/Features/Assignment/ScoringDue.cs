using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Assignment;

/// <summary>
/// 独立评分期限 — the one rule for a declared seat's due date, shown on the reviewer's task list and stored on the
/// score sheet: the declaration date (China Standard Time) plus the cycle's ScoringWorkdays working days, the
/// declaration day not counted.
/// </summary>
public static class ScoringDue
{
    public static Task<WorkdayResult> FromDeclarationAsync(WorkingDayCalendar calendar, DateTimeOffset declaredAt, int workdays,
        CancellationToken ct = default) =>
        calendar.AddWorkdaysAsync(DateOnly.FromDateTime(declaredAt.ToChina().DateTime), Math.Max(1, workdays), countStart: false, ct);
}
