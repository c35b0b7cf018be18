using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Recommendations;

/// <summary>推荐工作: the applications that chose the caller's recommending body.</summary>
[Authorize(Policy = Policies.Recommender)]
public sealed class IndexModel(AppDbContext db, ApplicationAccess access, RecommendationWorkflow workflow, IApplicationProgress progress) : PageModel
{
    public sealed record Row(Guid Id, string? Number, int Year, string OrganizationName, AwardCategory? Category,
        ApplicationStatus Status, DateTimeOffset? SubmittedAt, DateTimeOffset? RecommendedAt, DateTimeOffset? DeclinedAt);

    public RecommendingBody? Body { get; private set; }
    public string? Blocked { get; private set; }
    public IReadOnlyList<Row> Waiting { get; private set; } = [];
    public IReadOnlyList<Row> Handled { get; private set; } = [];
    /// <summary>Each applicant's status across every stage, as the organisation and the office see it.</summary>
    public IReadOnlyDictionary<Guid, ApplicationStanding> Standings { get; private set; } = new Dictionary<Guid, ApplicationStanding>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = await access.CallerAsync(User, ct);
        Body = await workflow.BodyAsync(caller, ct);
        Blocked = RecommendationWorkflow.Blocked(Body);
        var rows = await (
            from a in ApplicationAccess.Visible(db.Set<Application>().AsNoTracking(), caller)
            join o in db.Set<Organization>() on a.OrganizationId equals o.Id
            join c in db.Set<Cycle>() on a.CycleId equals c.Id
            select new Row(a.Id, a.Number, c.Year, o.Name, a.Category, a.Status, a.SubmittedAt, a.RecommendedAt, a.DeclinedAt))
            .ToListAsync(ct);
        Standings = await progress.StandingsAsync(rows.Select(r => r.Id).ToList(), ct);
        Waiting = rows.Where(r => r.Status == ApplicationStatus.Submitted).OrderBy(r => r.SubmittedAt?.UtcTicks).ToList();
        Handled = rows.Where(r => r.Status != ApplicationStatus.Submitted)
            .OrderByDescending(r => (r.RecommendedAt ?? r.DeclinedAt ?? r.SubmittedAt)?.UtcTicks).ToList();
    }
}
