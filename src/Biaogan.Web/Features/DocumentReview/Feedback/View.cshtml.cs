using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>The applicant reads its released report on the web (and downloads the PDF); 404 for anyone else.</summary>
[Authorize]
public sealed class ViewModel(FeedbackWorkflow workflow) : PageModel
{
    public FeedbackView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        var view = await workflow.ReadableAsync(User, applicationId, ct);
        if (view is null) return NotFound();
        Report = view;
        return Page();
    }
}
