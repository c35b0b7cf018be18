using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.OnSite;

/// <summary>
/// The applicant organisation's page of its 现场评审: the proposed schedule to agree or to ask a change of, and the
/// 现场评审报告 once released. The office and the team see the same page; anyone else gets 404.
/// </summary>
[Authorize]
public sealed class ScheduleModel(SiteVisitReader reader, SiteVisitWorkflow workflow) : AppPageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public SiteVisitView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(applicationId, ct)) return NotFound();
        Version = View.Visit.Version;
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync() =>
        await LoadAsync(Guid.Parse(RouteData.Values["applicationId"]?.ToString() ?? ""), HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAgreeAsync(Guid applicationId, CancellationToken ct)
    {
        if (await workflow.AnswerScheduleAsync(User, applicationId, Version, true, null, ct) is null) return NotFound();
        Flash = "已确认现场评审日程，专家组将按日程到访。";
        return RedirectToPage(new { applicationId });
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid applicationId, CancellationToken ct)
    {
        if (await workflow.AnswerScheduleAsync(User, applicationId, Version, false, Comment, ct) is null) return NotFound();
        Flash = "已提交调整意见，活动办公室和专家组组长将重新安排日程。";
        return RedirectToPage(new { applicationId });
    }

    private async Task<bool> LoadAsync(Guid applicationId, CancellationToken ct)
    {
        var view = await reader.ReadableAsync(User, applicationId, false, ct);
        if (view is null) return false;
        View = view;
        return true;
    }
}
