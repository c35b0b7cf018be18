using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Complaints;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Public.Complaints;

/// <summary>
/// The public complaint form (投诉, 第二十七、三十二条), open at any time: real name, contact, the organisation (from the
/// registry, or a company named in free text), what happened, evidence. Rate-limited, with a honeypot, a minimum fill time
/// and a signed form stamp, like the objection form; every refusal keeps what was typed.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Complaint)]
[StreamedUpload(ComplaintIntake.MaxFileMb, ComplaintIntake.MaxFiles)]
public sealed class IndexModel(AppDbContext db, PublicFormGuard guard, ComplaintIntake intake, PublicLinks links) : AppPageModel
{
    private const string Form = "complaint";

    [BindProperty] public ComplaintInput Input { get; set; } = new();
    [BindProperty] public string? FormToken { get; set; }
    /// <summary>Honeypot: hidden from people; automated form fillers tend to fill it.</summary>
    [BindProperty] public string? Website { get; set; }

    [TempData] public string? Receipt { get; set; }

    /// <summary>The registry's benchmarks (valid or under confirmation): name and year.</summary>
    public IReadOnlyList<(Guid Id, string Text)> Benchmarks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Request.Query.TryGetValue("award", out var a) && Guid.TryParse(a, out var id)) Input.AwardId = id;
        if (Request.Query.TryGetValue("subject", out var s) && Enum.TryParse<ComplaintSubject>(s, out var subject)) Input.Subject = subject;
        await LoadAsync(ct);
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (guard.Check(Form, Guid.Empty, FormToken, Website, "提交投诉") is { } refused) throw new DomainRuleException(refused);
        if (Input.Subject == ComplaintSubject.LogoMisuse && Input.MisuseKind is null)
            ModelState.AddModelError("Input.MisuseKind", "请选择标识使用不当的情形");
        if (Input.AwardId is null && string.IsNullOrWhiteSpace(Input.CompanyName))
            ModelState.AddModelError("Input.CompanyName", Input.Subject == ComplaintSubject.Benchmark
                ? "请从标杆名录中选择被投诉的标杆组织" : "请从标杆名录中选择，或填写使用标识的企业名称");
        if (!ModelState.IsValid) return await RedisplayAsync();
        var complaint = await intake.LodgeAsync(Input, EvidenceUploads.From(HttpContext, ct), ComplaintsApi.LookUpLink(links), ct);
        Receipt = complaint.ReceiptNumber;
        return RedirectToPage("/Public/Complaints/Lodged");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Benchmarks = (await db.Set<Award>().AsNoTracking().Where(a => a.Status != AwardStatus.Revoked)
                .OrderBy(a => a.OrganizationName).ThenByDescending(a => a.Year).Select(a => new { a.Id, a.OrganizationName, a.Year }).ToListAsync(ct))
            .Select(a => (a.Id, $"{a.OrganizationName}（{a.Year}年度）")).ToList();
        FormToken = guard.Issue(Form, Guid.Empty);
        ModelState.Remove(nameof(FormToken));
    }
}
