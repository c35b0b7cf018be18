using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Features.Sharing;

/// <summary>/api/sharing — what the 经验交流与推广 pages do, over JSON; /api/public/practices — the published cases (第二十五、三十一条).</summary>
public static class SharingApi
{
    public sealed record InviteRequest(List<Guid>? AwardIds);
    public sealed record AttendanceItem(Guid InvitationId, string? Attendance);
    public sealed record AttendanceRequest(List<AttendanceItem>? Items, int? Version);
    public sealed record AnswerRequest(string? Answer, string? Attendees, bool? WillSpeak, string? TalkTitle, string? Note, int? Version);
    public sealed record PracticeRequest(Guid? AwardId, string? Title, string? Summary, bool? Submit, int? Version);
    public sealed record EventRequest(string? Kind, string? Title, string? Topic, DateOnly? StartsOn, DateOnly? EndsOn, string? Place, string? Description, int? Version);

    public static void MapSharingApi(this WebApplication app)
    {
        var api = app.MapApi("/sharing", "经验交流与推广");
        api.MapGet("/events", (SharingRecords r, CancellationToken ct) => r.EventsAsync(ct)).RequireAuthorization(Policies.Office)
            .WithSummary("经验交流大会、推广活动一览（活动办公室）");
        api.MapPost("/events", CreateAsync).RequireAuthorization(Policies.Office)
            .WithSummary("新建活动：kind（Conference 经验交流大会、Promotion 推广活动、Other 其他）、title、topic、startsOn、endsOn、place、description");
        api.MapGet("/events/{id:guid}", GetEventAsync).RequireAuthorization(Policies.Office).WithSummary("一个活动及其受邀标杆的答复和出席情况");
        api.MapPut("/events/{id:guid}", ReviseAsync).RequireAuthorization(Policies.Office).WithSummary("修改活动（带上 version）");
        api.MapPost("/events/{id:guid}/cancel", async Task<Results<Ok<EventView>, NotFoundProblem, ValidationProblem>> (Guid id, ReasonInput r,
                SharingWorkflow w, CancellationToken ct) =>
            ApiValidation.Errors(r) is { } e ? ApiValidation.Problem(e)
                : await w.CancelAsync(id, r.Version, r.Reason, ct) is { } ev ? TypedResults.Ok(SharingRecords.Event(ev)) : NotFound())
            .RequireAuthorization(Policies.Office).WithSummary("取消活动（reason 必填）");
        api.MapPost("/events/{id:guid}/invitations", async Task<Results<Ok<int>, NotFoundProblem>> (Guid id, InviteRequest r, SharingWorkflow w,
                CancellationToken ct) => await w.InviteAsync(id, r.AwardIds ?? [], ct) is { } n ? TypedResults.Ok(n) : NotFound())
            .RequireAuthorization(Policies.Office).WithSummary("邀请标杆（awardIds：有效标杆的 id；已邀请的跳过），返回新邀请的数量");
        api.MapPost("/events/{id:guid}/attendance", AttendanceAsync).RequireAuthorization(Policies.Office)
            .WithSummary("活动开始后登记出席情况：items 为 invitationId 和 attendance（Present 出席、Absent 缺席）");

        api.MapGet("/invitations", (ClaimsPrincipal u, SharingRecords r, CancellationToken ct) => r.MyInvitationsAsync(u, ct))
            .RequireAuthorization(Policies.Applicant).WithSummary("本组织收到的活动邀请及参加记录");
        api.MapPost("/invitations/{id:guid}/answer", AnswerAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("答复邀请（活动开始前）：answer（Attend 参加、Decline 不参加）、attendees、willSpeak、talkTitle、note、version");
        api.MapPost("/invitations/{id:guid}/files", async (Guid id, HttpRequest request, ClaimsPrincipal u, SharingWorkflow w, SharingRecords r,
                CancellationToken ct) => await UploadAsync(request, await r.MyInvitationAsync(u, id, ct) is not null, upload => w.AddMaterialAsync(u, id, upload, ct), ct))
            .RequireAuthorization(Policies.Applicant).RequireRateLimiting(RateLimitPolicies.Upload)
            .WithSummary("为本组织的答复上传交流材料（multipart 字段 file；PDF、图片、Word、Excel）");

        api.MapGet("/practices", (bool? queue, ClaimsPrincipal u, SharingRecords r, CancellationToken ct) => r.PracticesAsync(u, queue == true, ct))
            .RequireAuthorization(Policies.OfficeOrApplicant).WithSummary("经验案例（活动办公室：全部，queue=true 只列待审核；获奖组织：本组织的）");
        api.MapGet("/practices/{id:guid}", async Task<Results<Ok<PracticeView>, NotFoundProblem>> (Guid id, ClaimsPrincipal u, SharingRecords r,
                CancellationToken ct) => await r.PracticeAsync(u, id, ct) is { } p ? TypedResults.Ok(p) : NotFound())
            .RequireAuthorization(Policies.OfficeOrApplicant).WithSummary("一个经验案例");
        api.MapPost("/practices", CreatePracticeAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("起草经验案例（本组织的标杆 awardId、title、summary；submit=true 同时提交审核）");
        api.MapPut("/practices/{id:guid}", SavePracticeAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("修改本组织的经验案例（草稿、退回或撤下的；submit=true 同时提交审核）");
        api.MapPost("/practices/{id:guid}/files", async (Guid id, HttpRequest request, ClaimsPrincipal u, PracticeWorkflow w, SharingRecords r,
                CancellationToken ct) => await UploadAsync(request, u.IsInRole(Roles.Applicant) && await r.PracticeAsync(u, id, ct) is not null,
                upload => w.AddFileAsync(u, id, upload, ct), ct))
            .RequireAuthorization(Policies.Applicant).RequireRateLimiting(RateLimitPolicies.Upload)
            .WithSummary("为本组织的经验案例上传材料（multipart 字段 file）");
        api.MapPost("/practices/{id:guid}/submit", (Guid id, ReasonInput r, ClaimsPrincipal u, PracticeWorkflow w, CancellationToken ct) =>
                Practice(() => w.SubmitAsync(u, id, r.Version, ct))).RequireAuthorization(Policies.Applicant).WithSummary("将本组织的经验案例提交活动办公室审核（带上 version）");
        api.MapPost("/practices/{id:guid}/approve", (Guid id, ReasonInput r, PracticeWorkflow w, CancellationToken ct) =>
                Practice(() => w.ApproveAsync(id, r.Version, ct))).RequireAuthorization(Policies.Office).WithSummary("审核通过并在“经验案例”页面公开发布");
        api.MapPost("/practices/{id:guid}/return", (Guid id, ReasonInput r, PracticeWorkflow w, CancellationToken ct) =>
                Practice(() => w.ReturnAsync(id, r.Version, r.Reason, ct), r)).RequireAuthorization(Policies.Office).WithSummary("退回修改（reason 必填）");
        api.MapPost("/practices/{id:guid}/withdraw", (Guid id, ReasonInput r, PracticeWorkflow w, CancellationToken ct) =>
                Practice(() => w.WithdrawAsync(id, r.Version, r.Reason, ct), r)).RequireAuthorization(Policies.Office).WithSummary("从公开页面撤下已发布的案例（reason 必填）");

        var pub = app.MapGroup("/api/public/practices").AllowAnonymous().WithTags("公开信息");
        pub.MapGet("/", (int? year, string? category, SharingRecords r, CancellationToken ct) =>
                r.PublishedAsync(year, Enum.TryParse<Cycles.AwardCategory>(category, true, out var c) ? c : null, ct))
            .CacheOutput(WebModule.PublicPagePolicy).WithSummary("经验案例：活动办公室审核发布的标杆经验（year、category=Enterprise/Service 可选）");
        pub.MapGet("/files/{fileId:guid}", async Task<Results<StoredFileResult, NotFoundProblem>> (Guid fileId, SharingRecords r, FileStore store,
                CancellationToken ct) => await r.PublicFileAsync(fileId, ct) is { } f ? store.Serve(f) : NotFound())
            .WithSummary("下载已发布经验案例的材料");
    }

    private static async Task<Results<Created<EventView>, ValidationProblem, BadRequestProblem>> CreateAsync(EventRequest r, SharingWorkflow w, CancellationToken ct)
    {
        if (!TryInput(r, out var input, out var bad)) return bad!;
        if (ApiValidation.Errors(input) is { } e) return ApiValidation.Problem(e);
        var ev = await w.CreateAsync(input.ToForm(), ct);
        return TypedResults.Created($"/api/sharing/events/{ev.Id}", SharingRecords.Event(ev));
    }

    private static async Task<Results<Ok<EventView>, ValidationProblem, BadRequestProblem, NotFoundProblem>> ReviseAsync(Guid id, EventRequest r,
        SharingWorkflow w, CancellationToken ct)
    {
        if (!TryInput(r, out var input, out var bad)) return bad!;
        if (ApiValidation.Errors(input) is { } e) return ApiValidation.Problem(e);
        return await w.ReviseAsync(id, r.Version, input.ToForm(), ct) is { } ev ? TypedResults.Ok(SharingRecords.Event(ev)) : NotFound();
    }

    public sealed record EventDetails(EventView Event, IReadOnlyList<InvitationView> Invitations);

    private static async Task<Results<Ok<EventDetails>, NotFoundProblem>> GetEventAsync(Guid id, SharingRecords r, CancellationToken ct) =>
        await r.EventAsync(id, ct) is { } ev ? TypedResults.Ok(new EventDetails(ev, await r.InvitationsOfEventAsync(id, ct))) : NotFound();

    private static async Task<Results<Ok<EventView>, BadRequestProblem, NotFoundProblem>> AttendanceAsync(Guid id, AttendanceRequest r,
        SharingWorkflow w, CancellationToken ct)
    {
        var map = new Dictionary<Guid, Attendance>();
        foreach (var item in r.Items ?? [])
        {
            if (!Enum.TryParse<Attendance>(item.Attendance, true, out var a) || !Enum.IsDefined(a))
                return new BadRequestProblem("请求有误", "attendance 应为 Present（出席）或 Absent（缺席）。");
            map[item.InvitationId] = a;
        }
        return await w.RecordAttendanceAsync(id, r.Version, map, ct) is { } ev ? TypedResults.Ok(SharingRecords.Event(ev)) : NotFound();
    }

    private static async Task<Results<Ok<InvitationView>, ValidationProblem, BadRequestProblem, NotFoundProblem>> AnswerAsync(Guid id, AnswerRequest r,
        ClaimsPrincipal u, SharingWorkflow w, SharingRecords records, CancellationToken ct)
    {
        // Another organisation's invitation is unknown to it, whatever it sends.
        if (await records.MyInvitationAsync(u, id, ct) is null) return NotFound();
        if (!Enum.TryParse<InvitationAnswer>(r.Answer, true, out var answer) || !Enum.IsDefined(answer) || answer == InvitationAnswer.Pending)
            return new BadRequestProblem("请求有误", "answer 应为 Attend（参加）或 Decline（不参加）。");
        var input = new AnswerInput { Answer = answer, Attendees = r.Attendees, WillSpeak = r.WillSpeak == true, TalkTitle = r.TalkTitle, Note = r.Note };
        if (ApiValidation.Errors(input) is { } e) return ApiValidation.Problem(e);
        if (await w.AnswerAsync(u, id, r.Version, input.ToForm(), [], ct) is null) return NotFound();
        return TypedResults.Ok((await records.MyInvitationAsync(u, id, ct))!);
    }

    private static async Task<Results<Created<PracticeView>, ValidationProblem, NotFoundProblem>> CreatePracticeAsync(PracticeRequest r, ClaimsPrincipal u,
        PracticeWorkflow w, CancellationToken ct)
    {
        var input = new PracticeInput { Title = r.Title, Summary = r.Summary };
        if (ApiValidation.Errors(input) is { } e) return ApiValidation.Problem(e);
        var p = await w.CreateAsync(u, r.AwardId ?? Guid.Empty, r.Title, r.Summary, [], r.Submit == true, ct);
        return p is null ? NotFound() : TypedResults.Created($"/api/sharing/practices/{p.Id}", SharingRecords.Practice(p, []));
    }

    private static async Task<Results<Ok<PracticeView>, ValidationProblem, NotFoundProblem>> SavePracticeAsync(Guid id, PracticeRequest r,
        ClaimsPrincipal u, PracticeWorkflow w, SharingRecords records, CancellationToken ct)
    {
        var input = new PracticeInput { Title = r.Title, Summary = r.Summary };
        if (ApiValidation.Errors(input) is { } e) return ApiValidation.Problem(e);
        if (await w.SaveAsync(u, id, r.Version, r.Title, r.Summary, [], r.Submit == true, ct) is null) return NotFound();
        return TypedResults.Ok((await records.PracticeAsync(u, id, ct))!);
    }

    /// <summary>Validates first and only then runs the action: a task started before a refusal would go on reading and saving after the answer.</summary>
    private static async Task<Results<Ok<PracticeView>, ValidationProblem, NotFoundProblem>> Practice(Func<Task<BenchmarkPractice?>> work, ReasonInput? input = null)
    {
        if (input is not null && ApiValidation.Errors(input) is { } e) return ApiValidation.Problem(e);
        return await work() is { } p ? TypedResults.Ok(SharingRecords.Practice(p, [])) : NotFound();
    }

    private static async Task<Results<Created<SharingFile>, NotFoundProblem, ProblemHttpResult>> UploadAsync(HttpRequest request, bool own,
        Func<Upload, Task<StoredFile?>> save, CancellationToken ct)
    {
        // Another organisation's invitation or case is unknown to it: answered before the body is read.
        if (!own) return NotFound();
        try
        {
            var form = StreamedForm.Open(request, 100L * 1024 * 1024);
            if (!await form.NextFileAsync(ct) || !form.FileField.Equals("file", StringComparison.OrdinalIgnoreCase))
                throw new DomainRuleException("请在字段 file 中附上要上传的文件。");
            var stored = await save(new Upload(form.FileBody, form.FileName));
            return stored is null ? NotFound() : TypedResults.Created($"/api/sharing/files/{stored.Id}",
                new SharingFile(stored.Id, stored.FileName, stored.SizeText, stored.UploadedAt));
        }
        catch (UploadTooLargeException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大", detail: e.Message);
        }
    }

    private static bool TryInput(EventRequest r, out EventInput input, out BadRequestProblem? bad)
    {
        input = new EventInput();
        bad = null;
        if (!Enum.TryParse<SharingEventKind>(r.Kind, true, out var kind) || !Enum.IsDefined(kind))
        {
            bad = new BadRequestProblem("请求有误", "kind 应为 Conference（经验交流大会）、Promotion（推广活动）或 Other（其他）。");
            return false;
        }
        input = new EventInput { Kind = kind, Title = r.Title, Topic = r.Topic, StartsOn = r.StartsOn, EndsOn = r.EndsOn, Place = r.Place, Description = r.Description };
        return true;
    }

    private static NotFoundProblem NotFound() => new("未找到", "该活动、邀请或经验案例不存在，或您没有查看权限。");
}
