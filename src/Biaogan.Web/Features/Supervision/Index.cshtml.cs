using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Supervision;

/// <summary>获奖后监督 for the office and the leading group: every case, every incident with its deadline and lateness; the office opens cases.</summary>
[Authorize(Policy = Policies.SupervisionStaff)]
public sealed class IndexModel(AppDbContext db, CaseWorkflow workflow, TimeProvider clock) : AppPageModel
{
    public sealed class OpenInput
    {
        [Display(Name = "标杆")] public Guid AwardId { get; set; }
        [Display(Name = "案件类型")] public CaseKind Kind { get; set; } = CaseKind.Complaint;
        [Display(Name = "案由"), StringLength(200)] public string? Title { get; set; }
    }

    [BindProperty] public OpenInput Open { get; set; } = new();
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];
    public IReadOnlyList<IncidentView> Incidents { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> CaseNumbers { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<SelectListItem> Awards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        var c = await workflow.OpenAsync(Open.Kind, Open.AwardId, Open.Title, ct);
        Flash = $"已立案 {c.Number}。";
        return RedirectToPage("Case", new { id = c.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cases = await SupervisionViews.ListAsync(db, User, ct);
        Incidents = await SupervisionViews.IncidentsAsync(db, User, clock, ct);
        CaseNumbers = Cases.ToDictionary(c => c.Id, c => c.Number);
        Awards = await AwardOptionsAsync(db, null, ct);
    }

    /// <summary>The benchmarks a case may concern (not revoked), optionally of one organisation.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> AwardOptionsAsync(AppDbContext db, Guid? organizationId, CancellationToken ct) =>
        (await db.Set<Award>().AsNoTracking().Where(a => a.Status != AwardStatus.Revoked && (organizationId == null || a.OrganizationId == organizationId))
            .OrderByDescending(a => a.Year).ThenBy(a => a.CertificateNumber).ToListAsync(ct))
        .Select(a => new SelectListItem($"{a.OrganizationName}（{a.Year}年度，{a.CertificateNumber}，{Award.StatusDisplay(a.Status)}）", a.Id.ToString()))
        .ToList();
}
