using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Complaints;

/// <summary>
/// One complaint for the office and the leading group: who complained, what, the evidence, and either its supervision case
/// (a benchmark) or the office's own investigation and conclusion (a company that is not a benchmark).
/// </summary>
[Authorize(Policy = Policies.SupervisionStaff)]
public sealed class DetailsModel(AppDbContext db, ComplaintOffice office) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int ComplaintVersion { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Finding { get; set; }
    [BindProperty] public string? PublicOutcome { get; set; }

    public ComplaintView Item { get; private set; } = null!;
    public IReadOnlyList<StoredFile> Evidence { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnGetEvidenceAsync(Guid fileId, [FromServices] FileStore files, CancellationToken ct)
    {
        var f = await db.Set<StoredFile>().AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == fileId && x.OwnerType == ComplaintIntake.EvidenceOwner && x.OwnerId == Id, ct);
        return f is null ? NotFound() : files.Serve(f);
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        Found(await office.NoteAsync(Id, ComplaintVersion, Note, ct));
        Flash = "已记录调查情况。";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostConcludeAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        Found(await office.ConcludeAsync(Id, ComplaintVersion, Finding, PublicOutcome, ct));
        Flash = "投诉已办结，投诉人凭受理编号可查询到办理结果。";
        return RedirectToPage(new { Id });
    }

    private static Complaint Found(Complaint? c) => c ?? throw new DomainRuleException("找不到该投诉。");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ComplaintViews.FindAsync(db, Id, ct) is not { } view) return false;
        Item = view;
        if (ComplaintVersion == 0) ComplaintVersion = view.Version;
        Evidence = await db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerType == ComplaintIntake.EvidenceOwner && f.OwnerId == Id)
            .OrderBy(f => f.UploadedAt).ToListAsync(ct);
        return true;
    }
}
