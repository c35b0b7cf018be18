using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.StageReports;

/// <summary>A stage work report as a Chinese PDF (the draft the members review, with its 审议 record).</summary>
[Authorize(Policy = Policies.ReviewCommittee)]
public sealed class PdfModel(StageReportWorkflow workflow) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid cycleId, StageReportKind kind, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind)) return NotFound();
        var view = await workflow.ViewAsync(cycleId, kind, ct);
        if (view is null) return NotFound();
        return File(PdfWriter.Render(StageReportPdf.Document(view)), "application/pdf", $"{view.Year}年度{kind.Display()}.pdf");
    }
}
