using System.Text.Json;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Criteria;

/// <summary>
/// /api/criteria — the 评价准则 pages' moves over JSON through the same <see cref="CriteriaLibrary"/>: list and read the
/// versions, import a JSON or Excel file as a draft, copy a version as a new draft, edit a draft, publish, retire,
/// reinstate and delete a draft. The <c>document</c> is the same JSON as the pages' export and import file.
/// </summary>
public static class CriteriaApi
{
    public sealed record VersionDto(Guid Id, string Code, int VersionNo, string Key, string Label, string Title, int TotalPoints, string Status,
        string StatusText, Guid? BasedOnId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt,
        DateTimeOffset? RetiredAt, int ProblemCount, int Version);

    /// <summary>A version with its validation problems (they block only publishing) and its document in the file format.</summary>
    public sealed record DetailDto(VersionDto Criteria, IReadOnlyList<string> Problems, JsonElement Document);

    public sealed record DraftRequest(JsonElement? Document, int Version);

    public sealed record VersionRequest(int Version);

    public static void MapCriteriaApi(this WebApplication app)
    {
        var api = app.MapApi("/criteria", "评价准则").RequireAuthorization(Policies.Office);
        api.MapGet("", ListAsync).WithSummary("全部评价准则版本（按标准分组，新版本在前）（活动办公室）");
        api.MapGet("/{id:guid}", GetAsync).WithSummary("一个版本：状态、校验问题和完整内容（document，与导出的 JSON 文件格式相同）（活动办公室）");
        api.MapPost("/import", ImportAsync).DisableAntiforgery()
            .WithSummary("导入本系统导出的 JSON 或 Excel 文件为新草稿（multipart/form-data，字段 file）；Excel 行错误返回 422 并列出（活动办公室）");
        api.MapPost("/{id:guid}/copy", CopyAsync).WithSummary("复制为新草稿：修改已发布的版本须经新草稿（活动办公室）");
        api.MapPut("/{id:guid}", SaveAsync)
            .WithSummary("保存草稿的全部内容（document 与导出的 JSON 文件格式相同；须带 version）；校验问题不妨碍保存，只妨碍发布（活动办公室）");
        api.MapPost("/{id:guid}/publish", PublishAsync).WithSummary("发布草稿（校验须全部通过）；发布后不能再修改（活动办公室）");
        api.MapPost("/{id:guid}/retire", RetireAsync).WithSummary("停用已发布的版本：新的年度活动不能再选择它（活动办公室）");
        api.MapPost("/{id:guid}/reinstate", ReinstateAsync).WithSummary("恢复使用已停用的版本（活动办公室）");
        api.MapDelete("/{id:guid}", DeleteAsync).WithSummary("删除草稿（须带 version 查询参数；已发布的版本不能删除）（活动办公室）");
    }

    private static async Task<Ok<List<VersionDto>>> ListAsync(CriteriaLibrary library, CancellationToken ct) =>
        TypedResults.Ok((await library.ListAsync(ct)).Select(Dto).ToList());

    private static async Task<Results<Ok<DetailDto>, NotFoundProblem>> GetAsync(Guid id, CriteriaLibrary library, CancellationToken ct) =>
        await library.FindAsync(id, ct) is { } v ? TypedResults.Ok(Detail(v)) : NotFound();

    private static async Task<Results<Created<DetailDto>, RuleProblem>> ImportAsync(IFormFile? file, CriteriaLibrary library, CancellationToken ct)
    {
        var (doc, errors, source) = await CriteriaUpload.ReadAsync(file, ct);
        if (doc is null)
            return new RuleProblem("文件不能导入", "文件中有以下问题：" + string.Join("；", errors) + "。请修改后重新导入。",
                new Dictionary<string, object?> { ["problems"] = errors });
        var draft = await library.ImportAsync(doc, source, ct);
        return TypedResults.Created($"/api/criteria/{draft.Id}", Detail(draft));
    }

    private static async Task<Results<Created<DetailDto>, NotFoundProblem>> CopyAsync(Guid id, CriteriaLibrary library, CancellationToken ct)
    {
        if (await library.FindAsync(id, ct) is not { } v) return NotFound();
        var draft = await library.CopyAsDraftAsync(v, ct);
        return TypedResults.Created($"/api/criteria/{draft.Id}", Detail(draft));
    }

    private static async Task<Results<Ok<DetailDto>, BadRequestProblem, NotFoundProblem>> SaveAsync(Guid id, DraftRequest body,
        CriteriaLibrary library, CancellationToken ct)
    {
        if (body.Document is not { ValueKind: JsonValueKind.Object } json)
            return new BadRequestProblem("请求有误", "请在 document 中给出评价准则的完整内容（与导出的 JSON 文件格式相同）。");
        if (await library.FindAsync(id, ct) is not { } v) return NotFound();
        v.EnsureDraft();
        var doc = CriteriaJson.Read(json.GetRawText());
        // The code of a version never changes: a different code is a different standard (import it instead).
        await library.SaveDraftAsync(v, CriteriaNormalizer.Normalize(doc with { Code = v.Code }), body.Version, ct);
        return TypedResults.Ok(Detail(v));
    }

    private static Task<Results<Ok<DetailDto>, NotFoundProblem>> PublishAsync(Guid id, VersionRequest body, CriteriaLibrary library,
        CancellationToken ct) => ActAsync(id, library, v => library.PublishAsync(v, body.Version, ct), ct);

    private static Task<Results<Ok<DetailDto>, NotFoundProblem>> RetireAsync(Guid id, VersionRequest body, CriteriaLibrary library,
        CancellationToken ct) => ActAsync(id, library, v => library.RetireAsync(v, body.Version, ct), ct);

    private static Task<Results<Ok<DetailDto>, NotFoundProblem>> ReinstateAsync(Guid id, VersionRequest body, CriteriaLibrary library,
        CancellationToken ct) => ActAsync(id, library, v => library.ReinstateAsync(v, body.Version, ct), ct);

    private static async Task<Results<NoContent, NotFoundProblem>> DeleteAsync(Guid id, [FromQuery] int version, CriteriaLibrary library,
        CancellationToken ct)
    {
        if (await library.FindAsync(id, ct) is not { } v) return NotFound();
        await library.DeleteDraftAsync(v, version, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<DetailDto>, NotFoundProblem>> ActAsync(Guid id, CriteriaLibrary library, Func<CriteriaVersion, Task> act,
        CancellationToken ct)
    {
        if (await library.FindAsync(id, ct) is not { } v) return NotFound();
        await act(v);
        return TypedResults.Ok(Detail(v));
    }

    private static NotFoundProblem NotFound() => new("未找到", "该评价准则版本不存在。");

    private static DetailDto Detail(CriteriaVersion v) =>
        new(Dto(v), v.Problems(), JsonDocument.Parse(CriteriaJson.Write(v.Document)).RootElement.Clone());

    private static VersionDto Dto(CriteriaVersion v) => new(v.Id, v.Code, v.VersionNo, v.Key, v.Label, v.Title, v.TotalPoints, v.Status.ToString(),
        CriteriaVersion.StatusDisplay(v.Status), v.BasedOnId, v.CreatedAt, v.UpdatedAt, v.PublishedAt, v.RetiredAt, v.Problems().Count, v.Version);
}
