using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Criteria;

/// <summary>One version as a tree with totals and 待核定 badges; validate, publish, copy, retire, export.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class DetailsModel(CriteriaLibrary library, AppDbContext db) : AppPageModel
{
    public CriteriaVersion Criteria { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The version the buttons were shown for (concurrency).</summary>
    [BindProperty]
    public int PostedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public override async Task<IActionResult> RedisplayAsync()
    {
        var id = Guid.Parse(RouteData.Values["id"]!.ToString()!);
        db.ChangeTracker.Clear();
        return await LoadAsync(id, HttpContext.RequestAborted) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(CriteriaJson.WriteBytes(Criteria.Document), "application/json; charset=utf-8", FileName("json"));
    }

    public async Task<IActionResult> OnGetExcelAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(CriteriaExcel.Write(Criteria.Document), CriteriaExcel.ContentType, FileName("xlsx"));
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => ActAsync(id, async v =>
    {
        await library.PublishAsync(v, PostedVersion, ct);
        Flash = $"已发布“{v.Key}”。年度活动现在可以选择它作为评审标准；已发布的版本不能再修改。";
        return RedirectToPage(new { id });
    }, ct);

    public Task<IActionResult> OnPostCopyAsync(Guid id, CancellationToken ct) => ActAsync(id, async v =>
    {
        var draft = await library.CopyAsDraftAsync(v, ct);
        Flash = $"已由“{v.Key}”复制出新草稿“{draft.Key}”，修改后发布即成为新版本。";
        return RedirectToPage("Edit", new { id = draft.Id });
    }, ct);

    public Task<IActionResult> OnPostRetireAsync(Guid id, CancellationToken ct) => ActAsync(id, async v =>
    {
        await library.RetireAsync(v, PostedVersion, ct);
        Flash = $"已停用“{v.Key}”。新的年度活动不能再选择它；已采用它的年度活动不受影响。";
        return RedirectToPage(new { id });
    }, ct);

    public Task<IActionResult> OnPostReinstateAsync(Guid id, CancellationToken ct) => ActAsync(id, async v =>
    {
        await library.ReinstateAsync(v, PostedVersion, ct);
        Flash = $"已恢复使用“{v.Key}”。";
        return RedirectToPage(new { id });
    }, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) => ActAsync(id, async v =>
    {
        await library.DeleteDraftAsync(v, PostedVersion, ct);
        Flash = $"已删除草稿“{v.Key}”。";
        return RedirectToPage("Index");
    }, ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<CriteriaVersion, Task<IActionResult>> act, CancellationToken ct)
    {
        var version = await library.FindAsync(id, ct);
        if (version is null) return NotFound();
        Criteria = version;
        return await act(version);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var version = await library.FindAsync(id, ct);
        if (version is null) return false;
        Criteria = version;
        Problems = version.Problems();
        return true;
    }

    private string FileName(string ext)
    {
        var code = string.Concat(Criteria.Code.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or '/' ? '-' : c));
        return $"评价准则 {code} 第{Criteria.VersionNo}版.{ext}";
    }
}
