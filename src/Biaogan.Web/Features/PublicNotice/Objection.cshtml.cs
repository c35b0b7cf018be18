using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>One objection for the office: investigation notes, the organisation's reply, the finding and the conclusion.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ObjectionModel(AppDbContext db, NoticeWorkflow workflow, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int ObjectionVersion { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public ObjectionConclusion? Conclusion { get; set; }
    [BindProperty] public string? Finding { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? PublicText { get; set; }

    public Objection Item { get; private set; } = null!;
    public IReadOnlyList<StoredFile> Evidence { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnGetEvidenceAsync(Guid fileId, [FromServices] FileStore files, CancellationToken ct)
    {
        var f = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == fileId && x.OwnerType == EvidenceOwner && x.OwnerId == Id, ct);
        if (f is null) return NotFound();
        return files.Serve(f);
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken ct)
    {
        Found(await workflow.AddNoteAsync(Id, ObjectionVersion, Note, actor.Name, ct));
        Flash = "已记录调查情况。";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostRequestReplyAsync(CancellationToken ct)
    {
        var o = Found(await workflow.RequestReplyAsync(Id, ObjectionVersion, ct));
        Flash = $"已通知“{o.OrganizationName}”在 {Infrastructure.Time.ChinaTime.Format(o.ReplyDue!.Value)} 前答复（对方看不到异议人的身份）。";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostConcludeAsync(CancellationToken ct)
    {
        var o = Found(await workflow.ConcludeAsync(Id, ObjectionVersion, Conclusion, Finding, Reason, PublicText, User.UserId(), ct));
        Flash = o.Conclusion == ObjectionConclusion.Sustained ? $"异议成立，已将“{o.OrganizationName}”从公示名单中撤销推荐。" : "异议不成立，已办结。";
        return RedirectToPage(new { Id });
    }

    private static Objection Found(Objection? o) => o ?? throw new DomainRuleException("找不到该异议。");

    public const string EvidenceOwner = "Objection";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var o = await db.Set<Objection>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (o is null) return false;
        Item = o;
        if (ObjectionVersion == 0) ObjectionVersion = o.Version;
        Evidence = await db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerType == EvidenceOwner && f.OwnerId == Id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
        return true;
    }
}
