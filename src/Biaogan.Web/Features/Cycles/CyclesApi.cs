using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Cycles;

/// <summary>年度活动 over JSON: the list, and the open cycle with its timeline and settings.</summary>
public static class CyclesApi
{
    public sealed record CycleSummary(Guid Id, int Year, string Name, string Status, string StatusDisplay, int Quota,
        string StandardCode, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt);

    public sealed record StageDto(string Code, string Name, DateOnly? StartDate, DateOnly? EndDate);

    public sealed record CycleDetail(Guid Id, int Year, string Name, string Status, string StatusDisplay, int Quota,
        bool QuotaAbovePrinciple, string StandardCode, string MeasurementStandard, IReadOnlyList<StageDto> Stages,
        CycleSettings Settings, DateTimeOffset? OpenedAt);

    public static void MapCyclesApi(this WebApplication app)
    {
        var api = app.MapApi("/cycles", "年度活动");

        api.MapGet("/", async Task<Ok<List<CycleSummary>>> (HttpContext http, AppDbContext db, CancellationToken ct) =>
            {
                // Cycles in preparation (筹备中) are internal to the office.
                var office = http.User.IsOffice();
                var cycles = await db.Set<Cycle>().AsNoTracking()
                    .Where(c => office || c.Status != CycleStatus.Draft)
                    .OrderByDescending(c => c.Year).ToListAsync(ct);
                return TypedResults.Ok(cycles.Select(c => new CycleSummary(c.Id, c.Year, c.Name, c.Status.ToString(),
                    Cycle.StatusDisplay(c.Status), c.Quota, c.StandardCode, c.OpenedAt, c.ClosedAt)).ToList());
            })
            .WithSummary("年度活动列表（活动办公室可见筹备中的年度，其他用户只见进行中和已结束的年度）");

        api.MapGet("/current", async Task<Results<Ok<CycleDetail>, NotFoundProblem>> (AppDbContext db, CancellationToken ct) =>
            {
                var c = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(x => x.Status == CycleStatus.Open, ct);
                if (c is null)
                    return new NotFoundProblem("没有进行中的年度活动", "当前没有接受申报的年度活动，请关注活动办公室通知。");
                return TypedResults.Ok(new CycleDetail(c.Id, c.Year, c.Name, c.Status.ToString(), Cycle.StatusDisplay(c.Status),
                    c.Quota, c.QuotaAbovePrinciple, c.StandardCode, c.MeasurementStandard,
                    c.Stages.OrderBy(s => s.SortOrder).Select(s => new StageDto(s.Code, s.Name, s.StartDate, s.EndDate)).ToList(),
                    c.Settings, c.OpenedAt));
            })
            .WithSummary("当前进行中的年度活动，含各阶段日期和活动设置");
    }
}
