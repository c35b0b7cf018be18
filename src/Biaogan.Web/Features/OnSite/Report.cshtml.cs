using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.OnSite;

/// <summary>现场评审报告 PDF: the team and the office at any time, the organisation's own users once released; 404 for everyone else.</summary>
[Authorize]
public sealed class ReportModel(SiteVisitReader reader) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        var view = await reader.ReadableAsync(User, applicationId, false, ct);
        if (view is not { MayReadReport: true }) return NotFound();
        return File(OnSiteReportPdf.Render(view), "application/pdf", OnSiteReportPdf.FileName(view));
    }
}
