using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>The organisation rates one reviewer of the on-site team (第三十条). Only the organisation's own users; read-only once submitted.</summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class RateModel(MutualFeedbackWorkflow workflow, UserManager<AppUser> users) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ApplicationId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ReviewerId { get; set; }
    [BindProperty] public Dictionary<string, int> Answers { get; set; } = [];
    [BindProperty] public string? Comments { get; set; }

    public FeedbackVisit Visit { get; private set; } = null!;
    public TeamMember Member { get; private set; } = null!;
    public MutualRating? Rating { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Rating is not null)
        {
            Answers = Rating.Answers.ToDictionary(a => a.Code, a => a.Score);
            Comments = Rating.Comments;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var user = await users.GetUserAsync(User);
        await workflow.RateReviewerAsync(user!, ApplicationId, ReviewerId, Answers, Comments, ct);
        Flash = $"已提交对评审员 {Member.Name} 的评价，评价已反馈给活动办公室并锁定。";
        return RedirectToPage("/MutualFeedback/Mine");
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The visit must be of the user's own organisation and the reviewer on its team; anything else is 404.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        var visit = await workflow.VisitAsync(ApplicationId, ct);
        if (user?.OrganizationId is null || visit is null || visit.OrganizationId != user.OrganizationId) return false;
        var member = visit.Team.FirstOrDefault(m => m.ReviewerId == ReviewerId);
        if (member is null) return false;
        Visit = visit;
        Member = member;
        Rating = (await workflow.RatingsAsync([ApplicationId], FeedbackDirection.OrganizationRatesReviewer, ct)).FirstOrDefault(r => r.ReviewerId == ReviewerId);
        return true;
    }
}
