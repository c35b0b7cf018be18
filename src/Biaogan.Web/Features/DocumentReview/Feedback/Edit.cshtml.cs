using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>The office reviews one feedback report: edits the text, approves, and releases it to the applicant.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class EditModel(FeedbackWorkflow workflow) : AppPageModel
{
    public sealed class SectionInput
    {
        public string Code { get; set; } = "";
        public string? Strengths { get; set; }
        public string? Opportunities { get; set; }
    }

    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public List<SectionInput> Sections { get; set; } = [];
    [BindProperty] public int Version { get; set; }

    public FeedbackView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(applicationId, ct)) return NotFound();
        Summary = View.Report.Summary;
        Sections = View.Report.Sections.Select(s => new SectionInput { Code = s.CategoryCode, Strengths = s.Strengths, Opportunities = s.Opportunities }).ToList();
        Version = View.Report.Version;
        return Page();
    }

    // A rule error on a report that does not exist (yet) is a 404, not a page without its report.
    public override async Task<IActionResult> RedisplayAsync() =>
        await LoadAsync(Guid.Parse(RouteData.Values["applicationId"]?.ToString() ?? ""), HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(Guid applicationId, CancellationToken ct)
    {
        await workflow.SaveAsync(applicationId, Version, Summary, Posted(), ct);
        return Done(applicationId, "已保存修改。");
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid applicationId, CancellationToken ct)
    {
        await workflow.ApproveAsync(applicationId, Version, Summary, Posted(), User.UserId(), ct);
        return Done(applicationId, "反馈报告已审定。确认无误后点击“发放给申报组织”。");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid applicationId, CancellationToken ct)
    {
        await workflow.WithdrawApprovalAsync(applicationId, Version, ct);
        return Done(applicationId, "已撤回审定，可以继续修改。");
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid applicationId, CancellationToken ct)
    {
        await workflow.ReleaseAsync(applicationId, Version, ct);
        Flash = "反馈报告已发放，申报组织已收到通知，可以在申报页面查看和下载。";
        return RedirectToPage(new { applicationId });
    }

    private List<(string Code, string Strengths, string Opportunities)> Posted() =>
        Sections.Select(s => (s.Code, s.Strengths ?? "", s.Opportunities ?? "")).ToList();

    private RedirectToPageResult Done(Guid applicationId, string done)
    {
        Flash = done;
        return RedirectToPage(new { applicationId });
    }

    private async Task<bool> LoadAsync(Guid applicationId, CancellationToken ct)
    {
        var view = await workflow.ViewAsync(applicationId, tracking: false, ct);
        if (view is null) return false;
        View = view;
        return true;
    }
}
