using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>A reviewer of the on-site team rates the organisation's conduct (第三十条). Only team members; read-only once submitted.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class RateOrganizationModel(MutualFeedbackWorkflow workflow, UserManager<AppUser> users) : RatingPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ApplicationId { get; set; }

    protected override async Task<string> SubmitAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        await workflow.RateOrganizationAsync(user!, ApplicationId, Answers, Comments, ct);
        return $"已提交对 {Visit.Organization} 的评价，评价已反馈给活动办公室并锁定。";
    }

    /// <summary>The reviewer must sit in the visit's on-site team; anything else is 404. Only their own rating is loaded.</summary>
    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var visit = await workflow.VisitAsync(ApplicationId, ct);
        var member = visit?.Team.FirstOrDefault(m => m.UserId == userId);
        if (visit is null || member is null) return false;
        Visit = visit;
        Rating = (await workflow.RatingsAsync([ApplicationId], FeedbackDirection.ReviewerRatesOrganization, ct)).FirstOrDefault(r => r.ReviewerId == member.ReviewerId);
        return true;
    }
}
