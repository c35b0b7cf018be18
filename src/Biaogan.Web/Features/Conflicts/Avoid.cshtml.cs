using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// 申请回避: the applicant names persons who should not review its application, with a reason; each is matched against
/// the reviewer pool at once (and by every later scan) and goes to the office's queue. The office reads the list here.
/// Anyone else gets 404.
/// </summary>
public sealed class AvoidModel(AppDbContext db, ApplicationAccess access, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    private static readonly ApplicationStatus[] Closed = [ApplicationStatus.Withdrawn, ApplicationStatus.Disqualified, ApplicationStatus.QualificationRevoked];

    [BindProperty] public string? PersonName { get; set; }
    [BindProperty] public string? Employer { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Application Application { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public bool CanAdd { get; private set; }
    public bool IsOffice { get; private set; }
    public IReadOnlyList<AvoidRequest> Requests { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Matches { get; private set; } = new Dictionary<string, int>();

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct) =>
        await LoadAsync(applicationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(applicationId, ct)) return NotFound();
        if (!CanAdd) throw new DomainRuleException("只有申报组织本单位的用户可以在申报进行期间申请回避。");
        var request = new AvoidRequest(Application.CycleId, Application.Id, PersonName ?? "", Employer, Reason ?? "", actor.Name, clock.GetUtcNow());
        await AvoidList.AddAsync(db, request, clock, ct);
        Flash = $"已提交对“{request.PersonName}”的回避申请，活动办公室将核实处理。";
        return RedirectToPage(new { applicationId });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync(Guid.Parse(RouteData.Values["applicationId"]!.ToString()!), HttpContext.RequestAborted);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid applicationId, CancellationToken ct)
    {
        var app = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null) return false;
        var caller = await access.CallerAsync(User, ct);
        var own = ApplicationAccess.CanEdit(caller, app);
        if (!own && !caller.IsOffice) return false;
        Application = app;
        IsOffice = caller.IsOffice;
        CanAdd = own && !Closed.Contains(app.Status);
        OrganizationName = await db.Set<Organization>().Where(o => o.Id == app.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        Requests = await db.Set<AvoidRequest>().AsNoTracking().Where(r => r.ApplicationId == app.Id).OrderBy(r => r.RequestedAt).ToListAsync(ct);
        if (IsOffice) Matches = await AvoidList.MatchCountsAsync(db, app.Id, ct);
        return true;
    }
}
