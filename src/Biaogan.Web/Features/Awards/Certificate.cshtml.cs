using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.Awards;

/// <summary>The certificate PDF: the office, and the winning organisation's own users while the award is not revoked; 404 for anyone else.</summary>
[Authorize]
public sealed class CertificateModel(AwardCertificates certificates) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var award = await certificates.DownloadableAsync(User, id, ct);
        if (award is null) return NotFound();
        var pdf = await certificates.PdfAsync(award, certificates.PublicBaseUrl(), ct);
        return File(pdf, "application/pdf", CertificatePdf.FileName(award));
    }
}
