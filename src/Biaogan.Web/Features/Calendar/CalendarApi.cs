using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Features.Calendar;

/// <summary>Working-day look-ups for any signed-in user (other systems, scripts, the office's own checks).</summary>
public static class CalendarApi
{
    public sealed record WorkdaysResponse(string From, int Days, bool CountStart, string End, string EndWeekday, bool Confirmed);

    public sealed record DayResponse(string Date, string Weekday, bool IsWorkday, string? Name, bool Confirmed);

    public static void MapCalendarApi(this WebApplication app)
    {
        var api = app.MapApi("/calendar", "工作日历");

        api.MapGet("/workdays", async Task<Results<Ok<WorkdaysResponse>, BadRequestProblem>> (string? from, int? days, bool? countStart, WorkingDayCalendar calendar, CancellationToken ct) =>
            {
                if (!TryParseDate(from, out var start))
                    return BadRequest("请用 from 参数给出起算日期，格式为 yyyy-MM-dd，例如 from=2026-09-24。");
                if (days is not (>= 1 and <= 366))
                    return BadRequest("请用 days 参数给出 1 至 366 之间的工作日数，例如 days=7。");
                var counts = countStart ?? true;
                var r = await calendar.AddWorkdaysAsync(start, days.Value, counts, ct);
                return TypedResults.Ok(new WorkdaysResponse(start.ToString("yyyy-MM-dd"), days.Value, counts,
                    r.End.ToString("yyyy-MM-dd"), ChinaTime.Weekday(r.End.DayOfWeek), r.Confirmed));
            })
            .WithSummary("计算 N 个工作日后的截止日期（countStart=true 表示起算日当天计入）；confirmed=false 表示跨越了尚未发布节假日安排的年份");

        api.MapGet("/days/{date}", async Task<Results<Ok<DayResponse>, BadRequestProblem>> (string date, WorkingDayCalendar calendar, CancellationToken ct) =>
            {
                if (!TryParseDate(date, out var d))
                    return BadRequest("日期格式不正确，应为 yyyy-MM-dd，例如 /api/calendar/days/2026-10-10。");
                var table = await calendar.GetTableAsync(ct);
                var info = table.Find(d);
                var name = info is null || info.Name == CalendarDay.NormalName ? null : info.Name;
                return TypedResults.Ok(new DayResponse(d.ToString("yyyy-MM-dd"), ChinaTime.Weekday(d.DayOfWeek),
                    table.IsWorkday(d), name, table.IsPublished(d.Year)));
            })
            .WithSummary("查询某一天是否为工作日及节假日名称；confirmed=false 表示该年节假日安排尚未发布、按周一至周五计算");
    }

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text ?? "", "yyyy-MM-dd", out date);

    private static BadRequestProblem BadRequest(string detail) => new("参数不正确", detail);
}
