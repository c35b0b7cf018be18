using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Progress;

/// <summary>
/// 我的待办: the landing page after sign-in. Each section is filled only for a role the person holds, so nobody sees
/// another role's queue; a person with several roles sees several sections.
/// </summary>
[Authorize]
public sealed class TodoModel(AppDbContext db, TodoQueries todo, ApplicationAccess access) : PageModel
{
    public Cycle? Cycle { get; private set; }
    public IReadOnlyList<StageCount>? Stages { get; private set; }
    public IReadOnlyList<TodoItem>? Office { get; private set; }
    public IReadOnlyList<TodoItem>? Reviewer { get; private set; }
    public IReadOnlyList<TodoItem>? ReviewCommittee { get; private set; }
    public IReadOnlyList<TodoItem>? ApprovalCommittee { get; private set; }
    public IReadOnlyList<TodoItem>? LeadingGroup { get; private set; }
    /// <summary>A winner's goals and progress reports (第二十三条); null when it has none to do.</summary>
    public IReadOnlyList<TodoItem>? Winner { get; private set; }
    public IReadOnlyList<(Guid Id, string Name, string? Number, ApplicationStanding Standing)>? Own { get; private set; }
    public IReadOnlyList<(Guid Id, string Name, string? Number, ApplicationStanding Standing)>? Recommended { get; private set; }
    /// <summary>Applications waiting for the recommending body's opinion (第十五条).</summary>
    public int OpinionsDue { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cycle = await db.Set<Cycle>().AsNoTracking()
            .OrderBy(c => c.Status == CycleStatus.Open ? 0 : 1).ThenByDescending(c => c.Year)
            .FirstOrDefaultAsync(c => c.Status != CycleStatus.Draft, ct);
        var userId = User.UserId();
        if (User.IsOffice() && Cycle is not null) (Stages, Office) = await todo.OfficeAsync(Cycle, ct);
        if (User.IsReviewer()) Reviewer = await todo.ReviewerAsync(userId, ct);
        if (User.IsReviewCommittee() && Cycle is not null) ReviewCommittee = await todo.ReviewCommitteeAsync(Cycle, userId, ct);
        if (User.IsApprovalCommittee() && Cycle is not null) ApprovalCommittee = await todo.ApprovalCommitteeAsync(Cycle, userId, ct);
        if (User.IsLeadingGroup()) LeadingGroup = await todo.LeadingGroupAsync(ct);
        var caller = await access.CallerAsync(User, ct);
        if (caller is { IsApplicant: true, OrganizationId: not null } && await todo.WinnerAsync(User, ct) is { Count: > 0 } winner)
            Winner = winner;
        if (caller is { IsApplicant: true, OrganizationId: not null })
            Own = await todo.ApplicationsAsync(ApplicationAccess.Visible(db.Set<Application>().AsNoTracking(), caller), ct);
        if (caller is { IsRecommender: true, RecommendingBodyId: not null })
        {
            var visible = ApplicationAccess.Visible(db.Set<Application>().AsNoTracking(), caller);
            Recommended = await todo.ApplicationsAsync(visible, ct);
            OpinionsDue = await visible.CountAsync(a => a.Status == ApplicationStatus.Submitted, ct);
        }
    }

    public bool Nothing => Office is null && Reviewer is null && ReviewCommittee is null && ApprovalCommittee is null
        && LeadingGroup is null && Winner is null && Own is null && Recommended is null;
}
