using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Security;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Features.Complaints;

/// <summary>
/// 公众投诉 over JSON: lodging and the status look-up for anyone (rate-limited like the page, CSRF-checked; evidence files go
/// through the web form), and the office's handling of complaints about companies that are not benchmarks (office; the
/// leading group reads). A benchmark's complaint is handled through /api/supervision/cases like every case.
/// </summary>
public static class ComplaintsApi
{
    public sealed record LodgeRequest(string? Subject, string? MisuseKind, Guid? AwardId, string? CompanyName, string? Name, string? UnitName,
        string? Phone, string? Email, string? Grounds, bool Declaration);
    public sealed record LodgedResponse(string ReceiptNumber, string Status, string LookUp);
    public sealed record LookUpRequest(string? Number, string? Phone);
    public sealed record NoteRequest(string? Text, int? Version);
    public sealed record ConclusionRequest(string? Finding, string? PublicOutcome, int? Version);

    public const string LookUpPath = "/Public/Complaints/Receipt";

    public static void MapComplaintsApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/public/complaints").AllowAnonymous().AddEndpointFilter<ApiAntiforgeryFilter>()
            .RequireRateLimiting(RateLimitPolicies.Complaint).WithTags("公开信息");
        open.MapPost("", LodgeAsync)
            .WithSummary("提出投诉（无需登录，实名）：subject 为 Benchmark（对标杆组织）或 LogoMisuse（标识使用不当，misuseKind：OnProduct、WithoutYear、ImpliesProductAward、Other）；标杆组织填 awardId，不在名录中的填 companyName；返回受理编号。证明材料请通过网页表单上传");
        open.MapPost("/status", LookUpAsync).WithSummary("凭受理编号和联系电话查询投诉办理进度（已受理 / 调查中 / 已办结及公开的办理结果）");

        var api = app.MapApi("/complaints", "公众投诉");
        api.MapGet("", (AppDbContext db, CancellationToken ct) => ComplaintViews.ListAsync(db, ct)).RequireAuthorization(Policies.SupervisionStaff)
            .WithSummary("公众投诉列表（活动办公室、领导小组）");
        api.MapGet("/{id:guid}", async Task<Results<Ok<ComplaintView>, NotFoundProblem>> (Guid id, AppDbContext db, CancellationToken ct) =>
                await ComplaintViews.FindAsync(db, id, ct) is { } v ? TypedResults.Ok(v) : NotFound())
            .RequireAuthorization(Policies.SupervisionStaff).WithSummary("一项公众投诉，含投诉人身份和联系方式（活动办公室、领导小组）");
        api.MapPost("/{id:guid}/notes", (Guid id, NoteRequest r, ComplaintOffice w, AppDbContext db, CancellationToken ct) =>
                DoneAsync(w.NoteAsync(id, r.Version, r.Text, ct), db, ct))
            .RequireAuthorization(Policies.Office).WithSummary("记录调查情况（涉及非标杆企业的投诉；标杆组织的投诉在监督案件中处理）（活动办公室）");
        api.MapPost("/{id:guid}/conclusion", (Guid id, ConclusionRequest r, ComplaintOffice w, AppDbContext db, CancellationToken ct) =>
                DoneAsync(w.ConcludeAsync(id, r.Version, r.Finding, r.PublicOutcome, ct), db, ct))
            .RequireAuthorization(Policies.Office).WithSummary("办结涉及非标杆企业的投诉：核查结果和告知投诉人的办理结果（活动办公室）");
    }

    private static async Task<Results<Created<LodgedResponse>, BadRequestProblem>> LodgeAsync(LodgeRequest r, ComplaintIntake intake, PublicLinks links,
        CancellationToken ct)
    {
        if (!Enum.TryParse<ComplaintSubject>(r.Subject, true, out var subject) || !Enum.IsDefined(subject))
            return new BadRequestProblem("请求有误", "subject 应为 Benchmark（对标杆组织的投诉）或 LogoMisuse（标识使用不当）。");
        LogoMisuseKind? kind = null;
        if (r.MisuseKind is { Length: > 0 })
        {
            if (!Enum.TryParse<LogoMisuseKind>(r.MisuseKind, true, out var k) || !Enum.IsDefined(k))
                return new BadRequestProblem("请求有误", "misuseKind 应为 OnProduct、WithoutYear、ImpliesProductAward 或 Other。");
            kind = k;
        }
        var input = new ComplaintInput
        {
            Subject = subject, MisuseKind = kind, AwardId = r.AwardId, CompanyName = r.CompanyName, Name = r.Name, UnitName = r.UnitName,
            Phone = r.Phone, Email = r.Email, Grounds = r.Grounds, Declaration = r.Declaration,
        };
        if (ApiValidation.FirstError(input) is { } error) return new BadRequestProblem("请求有误", error);
        var c = await intake.LodgeAsync(input, AsyncEnumerable.Empty<EvidenceUpload>(), LookUpLink(links), ct);
        return TypedResults.Created(LookUpPath, new LodgedResponse(c.ReceiptNumber, Complaint.StatusDisplay(ComplaintStatus.Received), links.Absolute(LookUpPath)));
    }

    private static async Task<Results<Ok<ComplaintReceiptStatus>, NotFoundProblem>> LookUpAsync(LookUpRequest r, AppDbContext db, CancellationToken ct) =>
        await ComplaintViews.LookUpAsync(db, r.Number, r.Phone, ct) is { } s ? TypedResults.Ok(s)
            : new NotFoundProblem("未找到", "没有找到受理编号与联系电话相符的投诉，请核对后重新查询。");

    public static Func<string, string> LookUpLink(PublicLinks links) => number => links.Absolute($"{LookUpPath}?number={Uri.EscapeDataString(number)}");

    private static async Task<Results<Ok<ComplaintView>, NotFoundProblem>> DoneAsync(Task<Complaint?> work, AppDbContext db, CancellationToken ct) =>
        await work is { } c && await ComplaintViews.FindAsync(db, c.Id, ct) is { } v ? TypedResults.Ok(v) : NotFound();

    private static NotFoundProblem NotFound() => new("未找到", "该投诉不存在，或您没有查看权限。");
}
