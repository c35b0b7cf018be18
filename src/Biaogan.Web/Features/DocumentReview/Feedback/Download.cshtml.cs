using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>The report as PDF: the office at any time, the applicant organisation's own users once released; 404 for everyone else.</summary>
[Authorize]
public sealed class DownloadModel(FeedbackWorkflow workflow) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        var view = await workflow.ReadableAsync(User, applicationId, ct);
        if (view is null) return NotFound();
        return File(FeedbackWorkflow.Pdf(view), "application/pdf", FeedbackWorkflow.FileName(view));
    }
}
