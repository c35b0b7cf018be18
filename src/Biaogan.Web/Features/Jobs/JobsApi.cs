using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Jobs;

/// <summary>/api/jobs — read-only JSON of the scheduled-work table for the office (retrying is on the page).</summary>
internal static class JobsApi
{
    public sealed record WorkDto(Guid Id, string Kind, string Title, string Key, string State, string StateText, DateTimeOffset DueAt,
        int Attempts, int MaxAttempts, string? ClaimedBy, DateTimeOffset? ClaimedUntil, string? LastError, string? Result,
        DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string Payload);

    public sealed record WorkPageDto(int Total, int Page, int PageCount, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<WorkDto> Items);

    public static void MapJobsApi(this WebApplication app)
    {
        var api = app.MapApi("/jobs", "后台任务").RequireAuthorization(Policies.Office);
        api.MapGet("", ListAsync)
            .WithSummary("后台任务列表：state（Pending/Running/Done/Failed）与 kind 筛选，page 分页（每页 50 项）；仅活动办公室与系统管理员");
        api.MapGet("/{id:guid}", GetAsync)
            .WithSummary("一项后台任务：状态、到期时间、尝试次数、执行节点与租约、最后的错误和结果");
    }

    private static async Task<Ok<WorkPageDto>> ListAsync(WorkList list, WorkState? state, string? kind, int? page, CancellationToken ct)
    {
        var p = await list.LoadAsync(state, kind, page ?? 1, ct);
        return TypedResults.Ok(new WorkPageDto(p.Total, p.PageNumber, p.PageCount,
            Enum.GetValues<WorkState>().ToDictionary(s => s.ToString(), s => p.Counts.GetValueOrDefault(s)),
            p.Items.Select(w => ToDto(w, p.Titles)).ToList()));
    }

    private static async Task<Results<Ok<WorkDto>, ProblemHttpResult>> GetAsync(Guid id, AppDbContext db, WorkList list, CancellationToken ct) =>
        await db.Set<ScheduledWork>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is { } work
            ? TypedResults.Ok(ToDto(work, await list.TitlesAsync(ct)))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "后台任务不存在", detail: "没有找到这项后台任务，请回到后台任务列表查看。");

    private static WorkDto ToDto(ScheduledWork w, IReadOnlyDictionary<string, string> titles) => new(w.Id, w.Kind,
        titles.GetValueOrDefault(w.Kind, w.Kind), w.Key, w.State.ToString(), w.State.Display(), w.DueAt, w.Attempts, w.MaxAttempts,
        w.ClaimedBy, w.ClaimedUntil, w.LastError, w.Result, w.CreatedAt, w.StartedAt, w.FinishedAt, w.Payload);
}
