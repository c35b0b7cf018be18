using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>
/// 现场评审结果摘要 for 综合评价: the approved report's opinion, problems and per-item percentages (document vs on-site),
/// without reviewer names. Members who stand aside from the application are refused (404).
/// </summary>
[Authorize(Policy = Policies.ReviewCommittee)]
public sealed class VisitModel(AppDbContext db) : PageModel
{
    public SiteVisit Visit { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public string? Number { get; private set; }
    public AwardCategory? Category { get; private set; }
    public IReadOnlyDictionary<string, string> ItemNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        var visit = await db.Set<SiteVisit>().AsNoTracking().FirstOrDefaultAsync(v => v.ApplicationId == applicationId, ct);
        if (visit is null || !visit.ResultFinal) return NotFound();
        if (!User.IsOffice() && await db.Set<CommitteeConflict>().AnyAsync(
                c => c.ApplicationId == applicationId && c.MemberId == User.UserId() && c.WithdrawnAt == null, ct))
            return NotFound();
        var app = await (from a in db.Set<Application>().AsNoTracking()
                         join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                         where a.Id == applicationId
                         select new { a.Number, o.Name, a.ServiceName, a.Category }).FirstAsync(ct);
        Visit = visit;
        Name = app.ServiceName is { Length: > 0 } s ? $"{app.Name}（{s}）" : app.Name;
        Number = app.Number;
        Category = app.Category;
        var version = await db.Set<CriteriaVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visit.CriteriaVersionId, ct);
        ItemNames = version?.Document.Items.ToDictionary(i => i.Code, i => i.Name) ?? [];
        return Page();
    }
}
