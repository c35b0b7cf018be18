using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Sharing;

/// <summary>The office reviews one 经验案例: approve (it shows on the public page at once), return with a reason, or withdraw it.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ReviewModel(SharingRecords records, PracticeWorkflow workflow) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ReasonInput Input { get; set; } = new();

    public PracticeView Practice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        DoAsync(() => workflow.ApproveAsync(Id, Input.Version, ct), "经验案例已发布，公开页面“经验案例”即时显示；已通知获奖组织。");

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        DoAsync(() => workflow.ReturnAsync(Id, Input.Version, Input.Reason, ct), "经验案例已退回修改，已通知获奖组织。");

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        DoAsync(() => workflow.WithdrawAsync(Id, Input.Version, Input.Reason, ct), "经验案例已从公开页面撤下，已通知获奖组织。");

    public async Task<IActionResult> OnGetFileAsync(Guid fileId, [FromServices] FileStore store, CancellationToken ct) =>
        await records.FileAsync(User, fileId, ct) is { } f ? store.Serve(f) : NotFound();

    /// <summary>Runs the action only once the form is valid (started earlier, it would save beside the page's own reads).</summary>
    private async Task<IActionResult> DoAsync(Func<Task<BenchmarkPractice?>> work, string done)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (await work() is null) return NotFound();
        Flash = done;
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await records.PracticeAsync(User, Id, ct) is not { } p) return false;
        Practice = p;
        Input.Version ??= p.Version;
        return true;
    }
}
