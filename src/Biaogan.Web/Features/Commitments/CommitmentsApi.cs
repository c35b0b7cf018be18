using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Features.Commitments;

/// <summary>/api/commitments — what the 获奖后承诺 pages do, over JSON (第二十三条).</summary>
public static class CommitmentsApi
{
    public sealed record GoalsRequest(string? Goals, int? Version);
    public sealed record ReportRequest(int? Year, string? GoalProgress, string? SatisfactionResults, string? NewPractices);

    public static void MapCommitmentsApi(this WebApplication app)
    {
        var api = app.MapApi("/commitments", "获奖后承诺与进展报告");
        api.MapGet("/", (bool? late, ClaimsPrincipal u, CommitmentRecords r, CancellationToken ct) => r.LinesAsync(u, late == true, ct))
            .RequireAuthorization(Policies.SupervisionParties)
            .WithSummary("各标杆应提交的年度进展报告：年度、截止日期、状态、逾期天数（活动办公室、领导小组全部；获奖组织仅本组织）；late=true 只列逾期的");
        api.MapGet("/{awardId:guid}", GetAsync).RequireAuthorization(Policies.SupervisionParties)
            .WithSummary("一个标杆的质量新目标和年度进展报告");
        api.MapPut("/{awardId:guid}/goals", GoalsAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("登记或修改获奖后的质量新目标（本组织的标杆；修改时带上 version）");
        api.MapPost("/{awardId:guid}/reports", ReportAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("提交某一年度的进展报告：goalProgress（目标进展）、satisfactionResults（本年度用户满意度结果）、newPractices（新实践）");
    }

    private static async Task<Results<Ok<CommitmentView>, NotFoundProblem>> GetAsync(Guid awardId, ClaimsPrincipal u, CommitmentRecords r,
        CancellationToken ct) =>
        await r.ForUserAsync(u, awardId, ct) is { } v ? TypedResults.Ok(v) : NotFound();

    private static async Task<Results<Ok<GoalsView>, NotFoundProblem>> GoalsAsync(Guid awardId, GoalsRequest r, ClaimsPrincipal u,
        CommitmentWorkflow w, CancellationToken ct) =>
        await w.RecordGoalsAsync(u, awardId, r.Version, r.Goals, ct) is { } g
            ? TypedResults.Ok(new GoalsView(g.Goals, g.RecordedAt, g.RecordedBy, g.Version)) : NotFound();

    private static async Task<Results<Created<ReportView>, NotFoundProblem>> ReportAsync(Guid awardId, ReportRequest r,
        ClaimsPrincipal u, CommitmentWorkflow w, CancellationToken ct)
    {
        // A missing year is 0, which no award owes: the workflow answers it (after the access check) with the years to choose from.
        var report = await w.FileReportAsync(u, awardId, r.Year ?? 0, r.GoalProgress, r.SatisfactionResults, r.NewPractices, ct);
        return report is null ? NotFound()
            : TypedResults.Created($"/api/commitments/{awardId}", CommitmentRecords.Report(report));
    }

    private static NotFoundProblem NotFound() => new("未找到", "该标杆不存在，或您没有查看权限。");
}
