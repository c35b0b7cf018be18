using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Awards;

/// <summary>One benchmark for the office: certificate, verification link, plaque record (奖牌) and the history of its registry status
/// (changed only by a decided supervision case).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class DetailsModel(AppDbContext db, AwardOffice office, AwardCertificates certificates, IEnumerable<IAwardRecordSection> sections)
    : AppPageModel
{
    public sealed class PlaqueInput
    {
        [Display(Name = "奖牌编号"), StringLength(60)] public string? Number { get; set; }
        [Display(Name = "制作日期")] public DateOnly? MadeOn { get; set; }
        [Display(Name = "交付日期")] public DateOnly? DeliveredOn { get; set; }
        [Display(Name = "签收人"), StringLength(200)] public string? Recipient { get; set; }
    }

    [BindProperty] public PlaqueInput Plaque { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public Award Award { get; private set; } = null!;
    public string VerificationUrl { get; private set; } = "";
    /// <summary>The parts of the benchmark's record kept by the features above (goals and reports, participation).</summary>
    public IReadOnlyList<AwardRecordSection> Record { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Award.Version;
        Plaque = new PlaqueInput
        {
            Number = Award.PlaqueNumber, MadeOn = Award.PlaqueMadeOn, DeliveredOn = Award.PlaqueDeliveredOn, Recipient = Award.PlaqueRecipient,
        };
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        if (!Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id) || !await LoadAsync(id, HttpContext.RequestAborted)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostPlaqueAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        await office.RecordPlaqueAsync(id, Version, Plaque.Number ?? "", Plaque.MadeOn, Plaque.DeliveredOn, Plaque.Recipient, ct);
        Flash = "奖牌登记已保存。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (award is null) return false;
        Award = award;
        VerificationUrl = CertificatePdf.VerificationUrl(certificates.PublicBaseUrl(), award);
        var record = new List<AwardRecordSection>();
        foreach (var s in sections.OrderBy(s => s.Order)) record.Add(await s.SectionAsync(award, forOrganization: false, ct));
        Record = record;
        return true;
    }
}
