using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>The organisation rates one reviewer of the on-site team (第三十条). Only the organisation's own users; read-only once submitted.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class RateModel(MutualFeedbackWorkflow workflow, UserManager<AppUser> users) : RatingPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ApplicationId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ReviewerId { get; set; }

    public TeamMember Member { get; private set; } = null!;

    protected override async Task<string> SubmitAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        await workflow.RateReviewerAsync(user!, ApplicationId, ReviewerId, Answers, Comments, ct);
        return $"已提交对评审员 {Member.Name} 的评价，评价已反馈给活动办公室并锁定。";
    }

    /// <summary>The visit must be of the user's own organisation and the reviewer on its team; anything else is 404.</summary>
    protected override async Task<bool> LoadAsync(CancellationToken ct)
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
