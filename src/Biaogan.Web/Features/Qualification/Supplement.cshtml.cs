using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>
/// The organisation's view of 资格审查: the current 补正 request (reasons, deadline) with the way to resubmit,
/// and every round so far. The office sees the same page.
/// </summary>
public sealed class SupplementModel(AppDbContext db, ApplicationAccess access, QualificationWorkflow workflow, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ApplicationId { get; set; }
    [BindProperty] public int Version { get; set; }

    public Application App { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public RoundsView Rounds { get; private set; } = new([], default);
    public QualificationReview? Current { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanResubmit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var app = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == ApplicationId, ct);
        if (app is null || !await MayViewAsync(app, ct)) return NotFound();
        await LoadAsync(app, ct);
        Version = app.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var app = await db.Set<Application>().FirstOrDefaultAsync(a => a.Id == ApplicationId, ct);
        if (app is null || !await MayViewAsync(app, ct)) return NotFound();
        if (!ApplicationAccess.CanEdit(await access.CallerAsync(User, ct), app)) return Forbid();
        await workflow.ResubmitAsync(app, Version, ct);
        Flash = $"已提交第{app.SupplementRound}轮补正材料，申报已回到活动办公室的资格审查队列。";
        return RedirectToPage(new { applicationId = ApplicationId });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var app = await db.Set<Application>().AsNoTracking().FirstAsync(a => a.Id == ApplicationId);
        await LoadAsync(app, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The organisation's own users and the office; nobody else learns the application exists.</summary>
    private async Task<bool> MayViewAsync(Application app, CancellationToken ct) =>
        ApplicationAccess.CanSeeReview(await access.CallerAsync(User, ct), app);

    private async Task LoadAsync(Application app, CancellationToken ct)
    {
        App = app;
        Today = clock.Today();
        OrganizationName = await db.Set<Organization>().Where(o => o.Id == app.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var caller = await access.CallerAsync(User, ct);
        var rounds = await workflow.RoundsAsync(app.Id, ct);
        Rounds = new RoundsView(rounds, Today, ShowDecider: caller.IsOffice);
        Current = app.Status == ApplicationStatus.SupplementRequested ? rounds.LastOrDefault(r => r.Outcome == QualificationOutcome.Supplement) : null;
        CanResubmit = Current is not null && ApplicationAccess.CanEdit(caller, app);
    }
}
