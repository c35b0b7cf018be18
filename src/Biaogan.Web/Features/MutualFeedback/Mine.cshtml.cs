using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>
/// 我的双向反馈: an organisation's users see the reviewers of each finished visit to rate; a reviewer sees the
/// organisations of their on-site teams to rate. Each sees only their own side's ratings.
/// </summary>
[Authorize(Policy = Policies.ApplicantOrReviewer)]
public sealed class MineModel(MutualFeedbackWorkflow workflow, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<FeedbackVisit> OrganizationVisits { get; private set; } = [];
    public IReadOnlyList<FeedbackVisit> ReviewerVisits { get; private set; } = [];
    public Dictionary<(Guid Application, Guid Reviewer), MutualRating> Mine { get; private set; } = [];
    public Guid? ProfileId { get; private set; }
    public DateOnly Today => Biaogan.Web.Infrastructure.Time.ChinaTime.Today(clock);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user?.OrganizationId is { } org && User.IsInRole(Roles.Applicant))
        {
            OrganizationVisits = await workflow.ForOrganizationAsync(org, ct);
            foreach (var r in await workflow.RatingsAsync(OrganizationVisits.Select(v => v.ApplicationId).ToList(), FeedbackDirection.OrganizationRatesReviewer, ct))
                Mine[(r.ApplicationId, r.ReviewerId)] = r;
        }
        if (user is not null && User.IsInRole(Roles.Reviewer) && await workflow.ProfileOfAsync(user.Id, ct) is { } profile)
        {
            ProfileId = profile;
            ReviewerVisits = await workflow.ForReviewerAsync(profile, ct);
            foreach (var r in (await workflow.RatingsAsync(ReviewerVisits.Select(v => v.ApplicationId).ToList(), FeedbackDirection.ReviewerRatesOrganization, ct))
                         .Where(r => r.ReviewerId == profile))
                Mine[(r.ApplicationId, r.ReviewerId)] = r;
        }
    }

    public string StatusText(MutualRating? r, FeedbackVisit v) => r switch
    {
        null => Today > v.DueDate ? "未提交（已逾期）" : "待评价",
        { Status: RatingStatus.Reopened } => "已重新开放，请修改后提交",
        { Late: true } => "已提交（逾期提交）",
        _ => "已提交",
    };
}
