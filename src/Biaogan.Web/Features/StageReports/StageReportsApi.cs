using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Pdf;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.StageReports;

/// <summary>JSON API of the stage work reports (第九条): the same <see cref="StageReportWorkflow"/> methods as /StageReports.</summary>
public static class StageReportsApi
{
    public sealed record ResponseDto(string MemberId, string MemberName, bool Conflicted, bool? Agreed, string? Comment, DateTimeOffset? RespondedAt);

    public sealed record ReportDto(Guid CycleId, string Kind, string KindText, int Revision, string DataVersion, DateTimeOffset GeneratedAt,
        DateOnly? DueOn, bool Stale, bool Deliberated, string Quorum, string Status, IReadOnlyList<string> NotYetResponded,
        IReadOnlyList<ResponseDto> Members, DocumentReviewReportData? DocumentReview, OnSiteReportData? OnSite);

    public sealed record GenerateRequest(DateOnly? DueOn);

    public sealed record RespondRequest(bool Agreed, string? Comment);

    public static void MapStageReportsApi(this WebApplication app)
    {
        var api = app.MapApi("/stage-reports", "阶段工作报告（评审委员会审议）");
        api.MapGet("/{cycleId:guid}/{kind}", GetAsync).RequireAuthorization(Policies.ReviewCommittee)
            .WithSummary("阶段工作报告及审议情况（kind：DocumentReview 资料评审阶段工作报告 / OnSite 现场评审工作报告）；数据变化后 stale 为 true（活动办公室、评审委员会）");
        api.MapGet("/{cycleId:guid}/{kind}/pdf", PdfAsync).RequireAuthorization(Policies.ReviewCommittee)
            .WithSummary("阶段工作报告 PDF，含审议情况（活动办公室、评审委员会）");
        api.MapPost("/{cycleId:guid}/{kind}/generate", GenerateAsync).RequireAuthorization(Policies.Office)
            .WithSummary("根据当前评审记录生成（或重新生成）阶段工作报告并通知委员审议；重新生成后审议重新开始；dueOn 为审议截止日期，可不填（活动办公室）");
        api.MapPost("/{cycleId:guid}/{kind}/responses", RespondAsync).RequireAuthorization(Policies.ReviewCommitteeMember)
            .WithSummary("委员审议阶段工作报告：agreed 为 true 表示同意，false 时须在 comment 中填写意见；报告过期时 422（评审委员会委员）");
    }

    private static async Task<Results<Ok<ReportDto>, NotFoundProblem>> GetAsync(Guid cycleId, string kind, StageReportWorkflow workflow, CancellationToken ct) =>
        Parse(kind) is not { } k ? Unknown() : await workflow.ViewAsync(cycleId, k, ct) is { } view ? TypedResults.Ok(Dto(view)) : NotGenerated(k);

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> PdfAsync(Guid cycleId, string kind, StageReportWorkflow workflow,
        CancellationToken ct)
    {
        if (Parse(kind) is not { } k) return Unknown();
        if (await workflow.ViewAsync(cycleId, k, ct) is not { } view) return NotGenerated(k);
        return TypedResults.File(PdfWriter.Render(StageReportPdf.Document(view)), "application/pdf", $"{view.Year}年度{k.Display()}.pdf");
    }

    private static async Task<Results<Ok<ReportDto>, NotFoundProblem>> GenerateAsync(Guid cycleId, string kind, GenerateRequest body, ClaimsPrincipal user,
        AppDbContext db, StageReportWorkflow workflow, CancellationToken ct)
    {
        if (Parse(kind) is not { } k || !await db.Set<Cycle>().AnyAsync(c => c.Id == cycleId, ct)) return Unknown();
        await workflow.GenerateAsync(cycleId, k, body.DueOn, user.UserId(), ct);
        return TypedResults.Ok(Dto((await workflow.ViewAsync(cycleId, k, ct))!));
    }

    private static async Task<Results<Ok<ReportDto>, NotFoundProblem>> RespondAsync(Guid cycleId, string kind, RespondRequest body, ClaimsPrincipal user,
        AppDbContext db, StageReportWorkflow workflow, CancellationToken ct)
    {
        if (Parse(kind) is not { } k || !await db.Set<Cycle>().AnyAsync(c => c.Id == cycleId, ct)) return Unknown();
        await workflow.RespondAsync(cycleId, k, user.UserId(), body.Agreed, body.Comment, ct);
        return TypedResults.Ok(Dto((await workflow.ViewAsync(cycleId, k, ct))!));
    }

    private static StageReportKind? Parse(string kind) =>
        Enum.TryParse<StageReportKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;

    private static NotFoundProblem Unknown() =>
        new("未找到", "年度活动或报告类型不存在（报告类型为 DocumentReview 资料评审阶段工作报告或 OnSite 现场评审工作报告）。");

    private static NotFoundProblem NotGenerated(StageReportKind k) => new("未找到", $"活动办公室尚未生成{k.Display()}。");

    private static ReportDto Dto(StageReportView v) => new(v.Report.CycleId, v.Report.Kind.ToString(), v.Report.Kind.Display(), v.Report.Revision,
        v.Report.DataVersion, v.Report.GeneratedAt, v.Report.DueOn, v.Stale, v.Deliberated, CycleSettings.QuorumDisplay(v.Quorum), v.StatusText,
        v.Missing.Select(m => m.Name).ToList(),
        v.Members.Select(m => new ResponseDto(m.UserId, m.Name, m.Conflicted, m.Response?.Agreed, m.Response?.Comment, m.Response?.RespondedAt)).ToList(),
        v.DocumentReview, v.OnSite);
}
