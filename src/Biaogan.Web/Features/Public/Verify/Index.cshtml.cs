using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Public.Verify;

/// <summary>
/// 证书核验 (no login): the form, and the answer for a certificate number with its verification code — the QR code on a
/// certificate opens /Public/Verify/{number}?code=…. Only organisation, category, year and status are shown; an unknown
/// number and a wrong code get the same answer. Look-ups are rate-limited per IP so codes cannot be guessed.
/// </summary>
[OutputCache(PolicyName = WebModule.PublicPagePolicy)]
[EnableRateLimiting(VerifyRateLimit.Name)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    /// <summary>True once a number was submitted (or opened from a QR code).</summary>
    public bool Looked { get; private set; }
    public VerifiedCertificate? Result { get; private set; }
    public string ReportContact { get; private set; } = AwardSettings.DefaultReportContact;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Looked = !string.IsNullOrWhiteSpace(Number) || !string.IsNullOrWhiteSpace(Code);
        if (!Looked) return;
        Result = await AwardRegistry.VerifyAsync(db, Number, Code, ct);
        if (Result is null)
            ReportContact = await db.Set<AwardSettings>().AsNoTracking().Select(s => s.ReportContact).FirstOrDefaultAsync(ct)
                ?? AwardSettings.DefaultReportContact;
    }
}
