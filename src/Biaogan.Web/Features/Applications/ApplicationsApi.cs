using Biaogan.Web.Features.Accounts;
using System.Security.Claims;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications;

/// <summary>
/// /api/applications — the same moves as the pages, for the caller's visible applications only: a record the
/// caller may not see answers 404 (never 403, so its existence is not revealed).
/// </summary>
public static class ApplicationsApi
{
    public static void MapApplicationsApi(this WebApplication app)
    {
        var api = app.MapApi("/applications", "申报");
        api.MapGet("/", ListAsync).WithSummary("列出当前用户可以查看的申报（申报组织只看本组织的，推荐单位只看选择了本单位且已提交的），分页："
            + "year、status、category、region（省级代码）、industry（门类）、group（集团）、q（申报编号、信用代码或名称）筛选，sort（number/organization/year/status/submitted/updated）、dir（asc/desc）、p、size（≤200）");
        api.MapGet("/export", ApplicationExport.ExportAsync).RequireAuthorization(Policies.Office)
            .WithSummary("把筛选后的申报列表导出为 Excel（.xlsx，筛选和排序参数同列表；含联系人信息，每次导出记入审计日志；活动办公室）");
        api.MapGet("/{id:guid}/materials.zip", ApplicationMaterials.ZipAsync)
            .WithSummary("下载申报的全部材料（ZIP，按用途分文件夹，中文文件名；早期版本在“历史版本”文件夹；权限同单个文件下载）");
        api.MapBulkMessageApi();
        api.MapGet("/{id:guid}", GetAsync).WithSummary("查看一份申报的完整内容");
        api.MapPut("/{id:guid}", UpdateAsync).WithSummary("修改申报草稿（须带 version；被他人修改过返回 409，不符合规则返回 422）");
        api.MapPost("/{id:guid}/submit", SubmitAsync).WithSummary("提交申报（不完整时返回 422 并列出待完成的内容；补正状态下为提交补正材料）");
        api.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithSummary("撤回申报（资格审查结束前，须填写理由）");
        api.MapGet("/{id:guid}/form.pdf", FormPdfAsync)
            .WithSummary("已提交申报表的 PDF：表中全部内容、自我评价报告和附件清单，注明提交时间（申报组织本身、其推荐单位和活动办公室；其他人 404）");
        api.MapGet("/{id:guid}/files", FilesAsync).WithSummary("列出申报的全部文件及其各个版本");
        api.MapPost("/{id:guid}/files", UploadAsync).RequireRateLimiting(RateLimitPolicies.Upload).WithSummary(
            "上传文件（multipart，一次读取不落临时文件：purpose、title 等字段须在 file 之前或写在查询参数中；file；purpose = evidence 证实性材料 / measurement-report 测评报告（须带 year）/ declaration 声明书；title；replaces = 要更新版本的文件 logicalId）");
        api.MapGet("/{id:guid}/files/{fileId:guid}", DownloadAsync).WithSummary("下载申报的某个文件版本");
    }

    private static async Task<Results<Ok<Paged<ApplicationListItem>>, ValidationProblem>> ListAsync([AsParameters] ApplicationFilter filter,
        [AsParameters] ListQuery list, ClaimsPrincipal user, AppDbContext db, ApplicationAccess access, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var caller = await access.CallerAsync(user, ct);
        var page = await ApplicationList.Sorts.Apply(ApplicationList.Query(db, caller, filter), list).PageAsync(list, ct);
        return TypedResults.Ok(page.Map(r => new ApplicationListItem(r.Id, r.Number, r.Status.ToString(), r.Status.Display(), r.Year,
            r.OrganizationId, r.Organization, r.Category?.ToString(), r.UpdatedAt, r.Version)));
    }

    /// <summary>The application if the caller may see it.</summary>
    private static async Task<(Application? App, ApplicationAccess.Caller Caller)> VisibleAsync(Guid id, ClaimsPrincipal user,
        AppDbContext db, ApplicationAccess access, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var app = await db.Set<Application>().FirstOrDefaultAsync(a => a.Id == id, ct);
        return (app is not null && ApplicationAccess.CanView(caller, app) ? app : null, caller);
    }

    private static NotFoundProblem NotFound() => new("未找到", "申报不存在，或您没有查看权限。");

    private static ForbiddenProblem NotEditor() => new("无权修改", "只有申报组织本单位的用户可以修改、提交或撤回申报。");

    private static async Task<Results<Ok<ApplicationDto>, NotFoundProblem>> GetAsync(Guid id, ClaimsPrincipal user, AppDbContext db, ApplicationAccess access, CancellationToken ct)
    {
        var (app, _) = await VisibleAsync(id, user, db, access, ct);
        if (app is null) return NotFound();
        return TypedResults.Ok(ApplicationDto.From((await ApplicationSummary.LoadAsync(db, id, ct))!));
    }

    private static async Task<Results<Ok<ApplicationDto>, NotFoundProblem, ForbiddenProblem>> UpdateAsync(Guid id, DraftUpdate update, ClaimsPrincipal user, AppDbContext db,
        ApplicationAccess access, ApplicationFiles files, TimeProvider clock, CancellationToken ct)
    {
        var (app, caller) = await VisibleAsync(id, user, db, access, ct);
        if (app is null) return NotFound();
        if (!ApplicationAccess.CanEdit(caller, app)) return NotEditor();
        app.EnsureEditable();
        if (app.Version != update.Version) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        update.Validate();
        update.ApplyTo(app, await files.AllAsync(id, ct));
        var now = clock.GetUtcNow();
        if (update.RecommendingBodyId is { } bodyId && bodyId != app.RecommendingBodyId)
        {
            if (!await db.Set<RecommendingBody>().AnyAsync(b => b.Id == bodyId && b.Status == RecommendingBodyStatus.Approved, ct))
                throw new DomainRuleException("所选推荐单位不存在或尚未通过活动办公室审核，请重新选择。");
            app.ChooseRecommendingBody(bodyId, now);
        }
        app.Touch(now);
        await db.SaveEditAsync(app, update.Version, ct);
        return TypedResults.Ok(ApplicationDto.From((await ApplicationSummary.LoadAsync(db, id, ct))!));
    }

    private static async Task<Results<Ok<ApplicationDto>, NotFoundProblem, ForbiddenProblem, RuleProblem>> SubmitAsync(Guid id, [FromBody] SubmitRequest? request, ClaimsPrincipal user, AppDbContext db,
        ApplicationAccess access, ApplicationWorkflow workflow, CancellationToken ct)
    {
        var (app, caller) = await VisibleAsync(id, user, db, access, ct);
        if (app is null) return NotFound();
        if (!ApplicationAccess.CanEdit(caller, app)) return NotEditor();
        if (app.IsEditableByApplicant)
        {
            var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == app.CycleId, ct);
            var problems = await workflow.ProblemsAsync(app, cycle, ct);
            if (problems.Count > 0)
                return new RuleProblem("申报还不能提交", "请先完成以下内容：" + string.Join("；", problems) + "。",
                    new Dictionary<string, object?> { ["problems"] = problems });
        }
        await workflow.SubmitAsync(id, request?.Version, ct);
        db.ChangeTracker.Clear();
        return TypedResults.Ok(ApplicationDto.From((await ApplicationSummary.LoadAsync(db, id, ct))!));
    }

    private static async Task<Results<Ok<ApplicationDto>, NotFoundProblem, ForbiddenProblem>> WithdrawAsync(Guid id, WithdrawRequest request, ClaimsPrincipal user, AppDbContext db,
        ApplicationAccess access, ApplicationWorkflow workflow, CancellationToken ct)
    {
        var (app, caller) = await VisibleAsync(id, user, db, access, ct);
        if (app is null) return NotFound();
        if (!ApplicationAccess.CanEdit(caller, app)) return NotEditor();
        await workflow.WithdrawAsync(id, request.Reason ?? "", request.Version, ct);
        return TypedResults.Ok(ApplicationDto.From((await ApplicationSummary.LoadAsync(db, id, ct))!));
    }

    private static async Task<Results<Ok<List<FileDto>>, NotFoundProblem>> FilesAsync(Guid id, ClaimsPrincipal user, AppDbContext db, ApplicationAccess access,
        ApplicationFiles files, CancellationToken ct)
    {
        var (app, _) = await VisibleAsync(id, user, db, access, ct);
        if (app is null) return NotFound();
        return TypedResults.Ok(FileDto.From(id, await files.AllAsync(id, ct)).ToList());
    }

    private static async Task<Results<Created<FileDto>, NotFoundProblem, ForbiddenProblem, ProblemHttpResult>> UploadAsync(Guid id, HttpRequest request, ClaimsPrincipal user, AppDbContext db,
        ApplicationAccess access, ApplicationFiles files, TimeProvider clock, CancellationToken ct)
    {
        var (app, caller) = await VisibleAsync(id, user, db, access, ct);
        if (app is null) return NotFound();
        if (!ApplicationAccess.CanEdit(caller, app)) return NotEditor();
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == app.CycleId, ct);
        try
        {
            // One pass over the body: the fields before the file part (or the query string) say what the file is for.
            var form = StreamedForm.Open(request, cycle.Settings.MaxFileSizeMb * 1024L * 1024);
            if (!await form.NextFileAsync(ct) || !form.FileField.Equals("file", StringComparison.OrdinalIgnoreCase))
                throw new DomainRuleException("请在字段 file 中附上要上传的文件（purpose、title 等字段放在 file 之前，或写在网址的查询参数中）。");
            string? Field(string name) => form[name] ?? request.Query[name].FirstOrDefault();
            if (Field("version") is { Length: > 0 } v && int.TryParse(v, out var version) && version != app.Version)
                throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
            var stored = await UploadPartAsync(app, cycle, form, Field, db, files, ct);
            app.Touch(clock.GetUtcNow());
            await db.SaveEditAsync(app, null, ct);
            return TypedResults.Created($"/api/applications/{id}/files/{stored.Id}", FileDto.From(id, [stored])[0]);
        }
        catch (UploadTooLargeException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大", detail: e.Message);
        }
    }

    private static async Task<StoredFile> UploadPartAsync(Application app, Cycle cycle, StreamedForm form, Func<string, string?> field,
        AppDbContext db, ApplicationFiles files, CancellationToken ct)
    {
        var (stream, name, title) = (form.FileBody, form.FileName, field("title"));
        switch (field("purpose")?.Trim().ToLowerInvariant())
        {
            case "evidence":
                Guid? replaces = Guid.TryParse(field("replaces"), out var r) ? r : null;
                return await files.UploadAsync(app, cycle, stream, name, 0, FilePurpose.Evidence, title, replaces, ct);
            case "measurement-report":
                var year = int.TryParse(field("year"), out var y) ? y : 0;
                var row = app.Measurements.FirstOrDefault(m => m.Year == year && year > 0)
                    ?? throw new DomainRuleException("请用 year 指明测评报告所属的年份，且该年份已填写在申报的满意度测评中。");
                var report = await files.UploadAsync(app, cycle, stream, name, 0, FilePurpose.MeasurementReport,
                    title ?? $"{year}年度用户满意度测评报告", await LiveAsync(db, row.ReportFileId, ct), ct);
                row.ReportFileId = report.LogicalId;
                return report;
            case "declaration":
                var declaration = await files.UploadAsync(app, cycle, stream, name, 0, FilePurpose.Declaration,
                    title ?? "签字盖章的声明书", await LiveAsync(db, app.DeclarationFileId, ct), ct);
                app.DeclarationFileId = declaration.LogicalId;
                return declaration;
            default:
                throw new DomainRuleException("purpose 只能是 evidence（证实性材料）、measurement-report（测评报告）或 declaration（声明书）。");
        }
    }

    /// <summary>The logical id to add a version to, if that document is still there.</summary>
    private static async Task<Guid?> LiveAsync(AppDbContext db, Guid? logicalId, CancellationToken ct) =>
        logicalId is { } id && await db.Set<StoredFile>().AnyAsync(f => f.LogicalId == id && f.RemovedAt == null, ct) ? id : null;

    private static async Task<Results<StoredFileResult, NotFoundProblem>> DownloadAsync(Guid id, Guid fileId, ClaimsPrincipal user, AppDbContext db,
        ApplicationAccess access, ApplicationFiles files, FileStore store, CancellationToken ct)
    {
        var found = await files.FindAsync(fileId, ct);
        if (found is not { } f || f.Application.Id != id) return NotFound();
        var caller = await access.CallerAsync(user, ct);
        return ApplicationAccess.CanView(caller, f.Application) ? store.Serve(f.File) : NotFound();
    }

    /// <summary>GET /Applications/Files/{fileId}: any stored version, for whoever may see its application; 404 otherwise.</summary>
    /// <summary>The submitted 申报表 as a PDF (API and the page link share it).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> FormPdfAsync(Guid id, ClaimsPrincipal user, AppDbContext db,
        ApplicationAccess access, CancellationToken ct)
    {
        var pdf = await ApplicationFormPdf.ForCallerAsync(db, access, user, id, ct);
        if (pdf is null) return TypedResults.NotFound();
        var number = await db.Set<Application>().AsNoTracking().Where(a => a.Id == id).Select(a => a.Number).FirstAsync(ct);
        return TypedResults.File(pdf, "application/pdf", $"申报表-{number ?? id.ToString()}.pdf");
    }

    public static async Task<Results<StoredFileResult, NotFound>> PageDownloadAsync(Guid fileId, ClaimsPrincipal user, ApplicationAccess access,
        ApplicationFiles files, FileStore store, CancellationToken ct)
    {
        var found = await files.FindAsync(fileId, ct);
        if (found is not { } f) return TypedResults.NotFound();
        var caller = await access.CallerAsync(user, ct);
        return ApplicationAccess.CanView(caller, f.Application) ? store.Serve(f.File) : TypedResults.NotFound();
    }
}
