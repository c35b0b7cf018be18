using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Sharing;

/// <summary>
/// The winner writes a 经验案例 (new without an id, or its own with one — another's is 404), saves it as a draft or submits it
/// to the office; after a return it revises and submits again. Published cases are read-only here.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class PracticeModel(SharingRecords records, PracticeWorkflow workflow, AppDbContext db) : AppPageModel
{
    public const int MaxFiles = 5;

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public Guid AwardId { get; set; }
    [BindProperty] public PracticeInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Uploads { get; set; } = [];

    public PracticeView? Practice { get; private set; }
    public IReadOnlyList<Award> Awards { get; private set; } = [];

    public bool Editable => Practice is null || Practice.Status is PracticeStatus.Draft or PracticeStatus.Returned or PracticeStatus.Withdrawn;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Practice is { } p) Input = new PracticeInput { Title = p.Title, Summary = p.Summary, Version = p.Version };
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(true, ct);

    public async Task<IActionResult> OnGetFileAsync(Guid fileId, [FromServices] FileStore store, CancellationToken ct) =>
        await records.FileAsync(User, fileId, ct) is { } f ? store.Serve(f) : NotFound();

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (Uploads.Count > MaxFiles) throw new DomainRuleException($"一次最多上传 {MaxFiles} 个文件，请合并后重新选择。");
        var uploads = Uploads.Where(f => f.Length > 0).Select(f => new Upload(f.OpenReadStream(), f.FileName)).ToList();
        try
        {
            var saved = Id is { } id
                ? await workflow.SaveAsync(User, id, Input.Version, Input.Title, Input.Summary, uploads, submit, ct)
                : await workflow.CreateAsync(User, AwardId, Input.Title, Input.Summary, uploads, submit, ct);
            if (saved is null) return NotFound();
            Flash = submit ? "经验案例已提交活动办公室审核。审核通过后将在“经验案例”公开页面发布。" : "草稿已保存。提交前仍可修改。";
            return Redirect(SharingLinks.Practice(saved.Id));
        }
        finally
        {
            foreach (var u in uploads) await u.Content.DisposeAsync();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Practice = await records.PracticeAsync(User, id, ct);
            if (Practice is null) return false;
        }
        var org = SharingRecords.OwnOrganization(User);
        Awards = await db.Set<Award>().AsNoTracking().Where(a => a.OrganizationId == org && a.Status != AwardStatus.Revoked)
            .OrderByDescending(a => a.Year).ToListAsync(ct);
        return true;
    }
}
