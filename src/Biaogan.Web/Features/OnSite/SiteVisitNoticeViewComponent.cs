using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.OnSite;

/// <summary>
/// The notice on an application's details page about its 现场评审 (invoked by name, so Applications does not depend on
/// OnSite): the schedule to confirm, and the report once released. Shows nothing to anyone who may not see the visit.
/// </summary>
public sealed class SiteVisitNoticeViewComponent(SiteVisitReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid applicationId)
    {
        var view = await reader.ReadableAsync(HttpContext.User, applicationId, false, HttpContext.RequestAborted);
        return view is null || view.Visit.ScheduleStatus == ScheduleStatus.None && view.Visit.Status != SiteVisitStatus.Released
            ? Content("") : View("/Features/OnSite/Components/SiteVisitNotice/Default.cshtml", view);
    }
}
