using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>
/// The office's moves on 资料评审反馈报告 over JSON (with the reads for the office and the applicant): the cycle's
/// list, generating drafts, editing, approving (审定), withdrawing the approval and releasing — the same
/// <see cref="FeedbackWorkflow"/> methods as /DocumentReview/Feedback.
/// </summary>
public static class FeedbackApi
{
    public sealed record RowDto(Guid ApplicationId, string? Number, string Organization, string? Category, string? Status, string StatusText,
        int? Version);

    public sealed record ReportDto(Guid ApplicationId, string Status, string StatusText, string Summary, IReadOnlyList<FeedbackSection> Sections,
        DateTimeOffset? ReleasedAt, int Version);

    public sealed record SectionInput(string? Code, string? Strengths, string? Opportunities);

    public sealed record EditRequest(string? Summary, IReadOnlyList<SectionInput>? Sections, int Version);

    public sealed record VersionRequest(int Version);

    public sealed record FeedbackDto(Guid ApplicationId, string Status, string StatusText, string Organization, string? Number, string Category,
        string Summary, IReadOnlyList<FeedbackSection> Sections, DateTimeOffset? ReleasedAt, string PdfUrl);

    /// <summary>The previewed applications whose approved reports to release (all approved ones when absent).</summary>
    public sealed record ReleaseRequest(IReadOnlyList<Guid>? ApplicationIds);

    public static void MapFeedbackApi(this WebApplication app)
    {
        // Reads for the office and, once released, the applicant's own organisation (checked per report).
        var group = app.MapApi("/document-review", "资料评审排名、入围与反馈");
        group.MapGet("/feedback/{applicationId:guid}", FeedbackAsync)
            .WithSummary("资料评审反馈报告内容（活动办公室；申报组织在发放后可查看本组织的报告，其他人 404）");
        group.MapGet("/feedback/{applicationId:guid}/pdf", FeedbackPdfAsync)
            .WithSummary("资料评审反馈报告 PDF（权限同上）");

        var api = app.MapApi("/document-review/feedback", "资料评审排名、入围与反馈")
            .RequireAuthorization(Policies.Office);
        api.MapGet("/cycles/{cycleId:guid}", FeedbackListApi.ListAsync).WithSummary("年度活动的反馈报告列表（分页：items、total、page、pageCount、pageSize）：未入围的申报及其报告状态；可按 status（None 未生成、Draft、Approved、Released）、category、region、industry、group、q 筛选，sort 可为 number（默认：类别、申报编号）、organization、status、released（活动办公室）");
        api.MapGet("/cycles/{cycleId:guid}/export", FeedbackListApi.ExportAsync).WithSummary("导出筛选后的反馈报告列表（Excel；记入审计日志；活动办公室）");
        api.MapPost("/cycles/{cycleId:guid}/generate", GenerateAsync)
            .WithSummary("为已确定入围名单的类别中未入围的申报生成反馈报告草稿（一致性评审未确认的暂不生成）（活动办公室）");
        api.MapPut("/{applicationId:guid}", SaveAsync).WithSummary("修改反馈报告的总体评价和各部分的优势、改进机会（须带 version）（活动办公室）");
        api.MapPost("/{applicationId:guid}/approve", ApproveAsync).WithSummary("保存并审定反馈报告（活动办公室）");
        api.MapPost("/{applicationId:guid}/withdraw", WithdrawAsync).WithSummary("撤回审定，以便继续修改（发放前）（活动办公室）");
        api.MapPost("/cycles/{cycleId:guid}/release", async (Guid cycleId, ReleaseRequest? body, FeedbackWorkflow workflow, CancellationToken ct) =>
                TypedResults.Ok(await workflow.ReleaseApprovedAsync(cycleId, ct, body?.ApplicationIds is { Count: > 0 } ids ? ids : null)))
            .WithSummary("将本年度已审定、未发放的反馈报告发放给各申报组织并通知其用户（记入审计日志）；applicationIds 给出时只发放其中仍为已审定的（先用 GET cycles/{cycleId} 列表核对），缺省时发放全部；返回已通知的组织（活动办公室）");
        api.MapPost("/{applicationId:guid}/release", ReleaseAsync).WithSummary("将已审定的反馈报告发放给申报组织并通知其用户（活动办公室）");
    }

    private static async Task<Results<Ok<FeedbackWorkflow.GenerateResult>, NotFoundProblem>> GenerateAsync(Guid cycleId, AppDbContext db,
        FeedbackWorkflow workflow, CancellationToken ct)
    {
        if (!await db.Set<Cycle>().AnyAsync(c => c.Id == cycleId, ct)) return NoCycle();
        return TypedResults.Ok(await workflow.GenerateAsync(cycleId, ct));
    }

    private static async Task<Results<Ok<ReportDto>, NotFoundProblem>> SaveAsync(Guid applicationId, EditRequest body, FeedbackWorkflow workflow,
        CancellationToken ct)
    {
        if (await workflow.ViewAsync(applicationId, tracking: false, ct) is null) return NoReport();
        return TypedResults.Ok(Dto(await workflow.SaveAsync(applicationId, body.Version, body.Summary, Sections(body), ct)));
    }

    private static async Task<Results<Ok<ReportDto>, NotFoundProblem>> ApproveAsync(Guid applicationId, EditRequest body, ClaimsPrincipal user,
        FeedbackWorkflow workflow, CancellationToken ct)
    {
        if (await workflow.ViewAsync(applicationId, tracking: false, ct) is null) return NoReport();
        return TypedResults.Ok(Dto(await workflow.ApproveAsync(applicationId, body.Version, body.Summary, Sections(body), user.UserId(), ct)));
    }

    private static async Task<Results<Ok<ReportDto>, NotFoundProblem>> WithdrawAsync(Guid applicationId, VersionRequest body,
        FeedbackWorkflow workflow, CancellationToken ct)
    {
        if (await workflow.ViewAsync(applicationId, tracking: false, ct) is null) return NoReport();
        return TypedResults.Ok(Dto(await workflow.WithdrawApprovalAsync(applicationId, body.Version, ct)));
    }

    private static async Task<Results<Ok<ReportDto>, NotFoundProblem>> ReleaseAsync(Guid applicationId, VersionRequest body,
        FeedbackWorkflow workflow, CancellationToken ct)
    {
        if (await workflow.ViewAsync(applicationId, tracking: false, ct) is null) return NoReport();
        return TypedResults.Ok(Dto(await workflow.ReleaseAsync(applicationId, body.Version, ct)));
    }

    private static List<(string Code, string Strengths, string Opportunities)> Sections(EditRequest body) =>
        (body.Sections ?? []).Select(s => (s.Code ?? "", s.Strengths ?? "", s.Opportunities ?? "")).ToList();

    private static NotFoundProblem Unreadable() => new("未找到", "反馈报告不存在，或您无权查看。");

    private static NotFoundProblem NoCycle() => new("未找到", "年度活动不存在。");

    private static NotFoundProblem NoReport() => new("未找到", "该申报还没有反馈报告，请先为其年度活动生成反馈报告。");

    private static ReportDto Dto(FeedbackReport r) => new(r.ApplicationId, r.Status.ToString(), FeedbackReport.StatusDisplay(r.Status),
        r.Summary, r.Sections, r.ReleasedAt, r.Version);

    private static async Task<Results<Ok<FeedbackDto>, NotFoundProblem>> FeedbackAsync(Guid applicationId, ClaimsPrincipal user, FeedbackWorkflow workflow, CancellationToken ct)
    {
        var view = await workflow.ReadableAsync(user, applicationId, ct);
        if (view is null) return Unreadable();
        var r = view.Report;
        return TypedResults.Ok(new FeedbackDto(r.ApplicationId, r.Status.ToString(), FeedbackReport.StatusDisplay(r.Status), view.Header.Organization,
            view.Header.Number, view.Header.Category, r.Summary, r.Sections, r.ReleasedAt, $"/api/document-review/feedback/{r.ApplicationId}/pdf"));
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> FeedbackPdfAsync(Guid applicationId, ClaimsPrincipal user, FeedbackWorkflow workflow, CancellationToken ct)
    {
        var view = await workflow.ReadableAsync(user, applicationId, ct);
        if (view is null) return Unreadable();
        return TypedResults.File(FeedbackWorkflow.Pdf(view), "application/pdf", FeedbackWorkflow.FileName(view));
    }

}
