using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// 我的评审员档案: the reviewer's own page — profile, 第十一条 check, appointment and term, sanctions, review
/// tasks and the history of the profile. The reviewer edits content from here, never their status.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class MeModel(AppDbContext db, ReviewerAccounts accounts, TimeProvider clock) : PageModel
{
    public ReviewerCard? Card { get; private set; }
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var profile = me.Length == 0 ? null : await ReviewerPool.OfUserAsync(db, me, ct);
        if (profile is null) return;
        Card = await ReviewerCard.LoadAsync(db, accounts, profile, clock, ct);
        History = await ReviewerHistory.OfAsync(db, profile.Id, ct);
    }
}
