using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Discipline;

/// <summary>
/// /api/discipline — what the 纪律处分 pages do, over JSON: proposals (office), the leading group's votes, the decision
/// (a decided 撤销申报及接受评审资格 removes the application from the cycle), evidence files, referrals to the judicial authorities.
/// </summary>
public static class DisciplineApi
{
    public sealed record ProposeRequest(Guid ApplicationId, string? Kind, string? Source, string? SourceNote, string? Reason);
    public sealed record VoteRequest(bool? Agree, string? Reason, int? Version);
    public sealed record DecisionRequest(string? Reason, int? Version);
    public sealed record DecisionView(SanctionView Sanction, IReadOnlyList<string> Withdrawn);
    public sealed record ReferralRequest(string? Subject, Guid SubjectId, DateOnly? ReferredOn, string? Authority, string? Reference, string? Note);

    public static void MapDisciplineApi(this WebApplication app)
    {
        var api = app.MapApi("/discipline", "纪律处分");
        api.MapGet("/sanctions", (ClaimsPrincipal u, AppDbContext db, CancellationToken ct) => DisciplineViews.ListAsync(db, u, ct))
            .RequireAuthorization(Policies.SupervisionParties).WithSummary("组织纪律处分列表（活动办公室、领导小组全部；申报组织仅本组织已决定的处分）");
        api.MapGet("/sanctions/{id:guid}", GetAsync).RequireAuthorization(Policies.SupervisionParties)
            .WithSummary("一项处分：理由、来源、投票和证明材料（投票和材料仅活动办公室、领导小组）");
        api.MapPost("/sanctions", ProposeAsync).RequireAuthorization(Policies.Office)
            .WithSummary("提请处分：kind 为 Criticism（批评）、Warning（警告）或 Withdrawal（撤销申报及接受评审资格）；source 为 Qualification、DocumentReview、OnSite、MutualFeedback、Objection 或 Other（活动办公室）");
        api.MapPost("/sanctions/{id:guid}/files", UploadAsync).RequireAuthorization(Policies.Office).RequireRateLimiting(RateLimitPolicies.Upload)
            .WithSummary("上传处分证明材料（multipart 字段 file；PDF、图片、Word、Excel）（活动办公室）");
        api.MapPost("/sanctions/{id:guid}/votes", VoteAsync).RequireAuthorization(Policies.LeadingGroup)
            .WithSummary("领导小组成员表决：agree 为 true（同意处分）或 false（不同意），须写理由");
        api.MapPost("/sanctions/{id:guid}/decision", DecideAsync).RequireAuthorization(Policies.SupervisionStaff)
            .WithSummary("按表决结果记录决定；撤销申报及接受评审资格的，申报立即退出本年度评审各环节，并通知组织和推荐单位");
        api.MapGet("/referrals", async (AppDbContext db, CancellationToken ct) =>
                (await db.Set<JudicialReferral>().AsNoTracking().OrderByDescending(r => r.ReferredOn).ToListAsync(ct)).Select(DisciplineViews.Referral).ToList())
            .RequireAuthorization(Policies.SupervisionStaff).WithSummary("移送司法机关记录（活动办公室、领导小组）");
        api.MapPost("/referrals", ReferAsync).RequireAuthorization(Policies.Office)
            .WithSummary("记录移送司法机关：subject 为 Reviewer（评审员）或 Organization（申报组织），须填移送日期和司法机关（活动办公室）");
    }

    private static async Task<Results<Ok<SanctionView>, NotFoundProblem>> GetAsync(Guid id, ClaimsPrincipal u, AppDbContext db, DisciplineWorkflow w,
        CancellationToken ct)
    {
        var s = await DisciplineAccess.Sanctions(db, u).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        var staff = DisciplineAccess.IsStaff(u);
        var files = staff ? await w.Files(id).Select(f => new EvidenceView(f.Id, f.FileName, f.Size)).ToListAsync(ct) : null;
        return TypedResults.Ok(DisciplineViews.Sanction(s, staff, files));
    }

    private static async Task<Results<Created<SanctionView>, BadRequestProblem>> ProposeAsync(ProposeRequest r, DisciplineWorkflow w, CancellationToken ct)
    {
        if (!Enum.TryParse<DisciplineKind>(r.Kind, true, out var kind) || !Enum.IsDefined(kind))
            return new BadRequestProblem("请求有误", "kind 应为 Criticism（批评）、Warning（警告）或 Withdrawal（撤销申报及接受评审资格）。");
        if (!Enum.TryParse<SanctionSource>(r.Source ?? "Other", true, out var source) || !Enum.IsDefined(source))
            return new BadRequestProblem("请求有误", "source 应为 Qualification、DocumentReview、OnSite、MutualFeedback、Objection 或 Other。");
        var s = await w.ProposeAsync(new SanctionProposal(r.ApplicationId, kind, source, r.SourceNote, r.Reason), [], ct);
        return TypedResults.Created($"/api/discipline/sanctions/{s.Id}", DisciplineViews.Sanction(s, true));
    }

    private static async Task<Results<Created<EvidenceView>, NotFoundProblem, ProblemHttpResult>> UploadAsync(Guid id, HttpRequest request,
        DisciplineWorkflow w, CancellationToken ct)
    {
        try
        {
            var form = StreamedForm.Open(request, DisciplineWorkflow.MaxFileBytes);
            if (!await form.NextFileAsync(ct) || !form.FileField.Equals("file", StringComparison.OrdinalIgnoreCase))
                throw new DomainRuleException("请在字段 file 中附上要上传的文件。");
            var stored = await w.AddFileAsync(id, new Attachment(form.FileBody, form.FileName), ct);
            return stored is null ? NotFound() : TypedResults.Created($"/Discipline/Sanction/{id}?handler=File&fileId={stored.Id}",
                new EvidenceView(stored.Id, stored.FileName, stored.Size));
        }
        catch (UploadTooLargeException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大", detail: e.Message);
        }
    }

    private static async Task<Results<Ok<SanctionView>, BadRequestProblem, NotFoundProblem>> VoteAsync(Guid id, VoteRequest r, ClaimsPrincipal u,
        DisciplineWorkflow w, CancellationToken ct)
    {
        if (r.Agree is not { } agree) return new BadRequestProblem("请求有误", "agree 应为 true（同意处分）或 false（不同意）。");
        var s = await w.VoteAsync(u, id, r.Version, agree, r.Reason, ct);
        return s is null ? NotFound() : TypedResults.Ok(DisciplineViews.Sanction(s, true));
    }

    private static async Task<Results<Ok<DecisionView>, NotFoundProblem>> DecideAsync(Guid id, DecisionRequest r, DisciplineWorkflow w, CancellationToken ct) =>
        await w.DecideAsync(id, r.Version, r.Reason, ct) is { } d ? TypedResults.Ok(new DecisionView(DisciplineViews.Sanction(d.Sanction, true), d.Done)) : NotFound();

    private static async Task<Results<Created<ReferralView>, BadRequestProblem, NotFoundProblem>> ReferAsync(ReferralRequest r, DisciplineWorkflow w,
        CancellationToken ct)
    {
        if (!Enum.TryParse<ReferralSubject>(r.Subject, true, out var subject) || !Enum.IsDefined(subject))
            return new BadRequestProblem("请求有误", "subject 应为 Reviewer（评审员）或 Organization（申报组织）。");
        var referral = await w.ReferAsync(subject, r.SubjectId, r.ReferredOn, r.Authority, r.Reference, r.Note, ct);
        return referral is null ? NotFound() : TypedResults.Created("/api/discipline/referrals", DisciplineViews.Referral(referral));
    }

    private static NotFoundProblem NotFound() => new("未找到", "该处分记录、申报或人员不存在，或您没有查看权限。");
}
