using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>Both sides' ratings of one visit (office only), with reopening a submitted rating for correction.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ApplicationModel(MutualFeedbackWorkflow workflow, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ApplicationId { get; set; }
    [BindProperty] public Guid RatingId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public FeedbackVisit Visit { get; private set; } = null!;
    public List<MutualRating> OfReviewers { get; private set; } = [];
    public List<MutualRating> OfOrganization { get; private set; } = [];
    public DateOnly Today => Biaogan.Web.Infrastructure.Time.ChinaTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (OfReviewers.Concat(OfOrganization).All(r => r.Id != RatingId)) return NotFound();
        await workflow.ReopenAsync(RatingId, Reason, ct);
        Flash = "已重新开放该评价，并通知填写人修改后重新提交。";
        return RedirectToPage(new { applicationId = ApplicationId });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var visit = await workflow.VisitAsync(ApplicationId, ct);
        if (visit is null) return false;
        Visit = visit;
        OfReviewers = await workflow.RatingsAsync([ApplicationId], FeedbackDirection.OrganizationRatesReviewer, ct);
        OfOrganization = await workflow.RatingsAsync([ApplicationId], FeedbackDirection.ReviewerRatesOrganization, ct);
        return true;
    }

    public MutualRating? Of(List<MutualRating> list, Guid reviewerId) => list.FirstOrDefault(r => r.ReviewerId == reviewerId);
}
