using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Public.Notice;

/// <summary>
/// The public objection form (异议, 第二十一条): real name, contact, the organisation concerned, grounds and evidence.
/// Rate-limited, with a honeypot, a minimum fill time and a signed form timestamp; late objections are refused with the
/// deadline printed to the minute, and the typed text stays on the page.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Objection)]
[StreamedUpload(ObjectionIntake.MaxFileMb, ObjectionIntake.MaxFiles)]
public sealed class ObjectionModel(AppDbContext db, PublicFormGuard guard, ObjectionIntake intake, TimeProvider clock, PublicLinks links) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ObjectionInput Input { get; set; } = new();
    [BindProperty] public string? FormToken { get; set; }
    /// <summary>Honeypot: hidden from people; automated form fillers tend to fill it.</summary>
    [BindProperty] public string? Website { get; set; }

    [TempData] public string? Receipt { get; set; }

    private const string Form = "objection";

    public PublicNoticeView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input.ApplicationId ??= Request.Query.TryGetValue("org", out var org) && Guid.TryParse(org, out var g) ? g : null;
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var notice = await db.Set<PublicNotice.PublicNotice>().FirstOrDefaultAsync(n => n.Id == Id && n.Status == NoticeStatus.Published, ct);
        if (notice is null) return NotFound();
        if (guard.Check(Form, Id, FormToken, Website, "提交异议") is { } refused) throw new DomainRuleException(refused);
        if (Input.Kind == ObjectorKind.Unit && string.IsNullOrWhiteSpace(Input.UnitName))
            ModelState.AddModelError("Input.UnitName", "以单位名义提出异议的，请填写单位名称");
        if (Input.Kind == ObjectorKind.Individual && string.IsNullOrWhiteSpace(Input.IdLast4))
            ModelState.AddModelError("Input.IdLast4", "以个人名义提出异议的，请填写身份证号码后四位");
        if (!ModelState.IsValid) return await RedisplayAsync();
        var objection = await intake.LodgeAsync(notice, Input, EvidenceUploads.From(HttpContext, ct),
            number => links.Absolute($"/Public/Notice/Receipt?number={Uri.EscapeDataString(number)}"), ct);
        Receipt = objection.ReceiptNumber;
        return RedirectToPage("/Public/Notice/Lodged");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var n = await PublicNoticeView.FindAsync(db, Id, ct);
        if (n is null) return false;
        View = PublicNoticeView.From(n, clock.GetUtcNow());
        FormToken = guard.Issue(Form, Id);
        ModelState.Remove(nameof(FormToken));
        return true;
    }
}
