using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>
/// The notice on an application's details page that its feedback report has been released (invoked by name, so the
/// Applications feature does not depend on DocumentReview). Shows nothing to anyone who may not read the report.
/// </summary>
public sealed class FeedbackNoticeViewComponent(FeedbackWorkflow workflow) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid applicationId)
    {
        var view = await workflow.ReadableAsync(HttpContext.User, applicationId, HttpContext.RequestAborted);
        return view is { Report.IsReleased: true } ? View("/Features/DocumentReview/Feedback/Components/FeedbackNotice/Default.cshtml", view) : Content("");
    }
}
