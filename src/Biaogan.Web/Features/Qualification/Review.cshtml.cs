using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>The office reviews one application: checklist with automatic pre-checks, then 通过、不通过 or 补正.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ReviewModel(AppDbContext db, QualificationWorkflow workflow, TimeProvider clock) : AppPageModel
{
    public sealed class ItemInput
    {
        public string Code { get; set; } = "";
        public ChecklistVerdict? Verdict { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid ApplicationId { get; set; }
    [BindProperty] public List<ItemInput> Items { get; set; } = [];
    [BindProperty] public QualificationOutcome? Outcome { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public DateOnly? OverrideDeadline { get; set; }
    [BindProperty] public string? OverrideReason { get; set; }
    [BindProperty] public int Version { get; set; }

    public ApplicationSummary Summary { get; private set; } = null!;
    public IReadOnlyList<PreCheckResult> PreChecks { get; private set; } = [];
    public RoundsView Rounds { get; private set; } = new([], default);
    public WorkdayResult ProposedDeadline { get; private set; } = new(default, true);
    public int Workdays { get; private set; }
    public DateOnly Today { get; private set; }

    public Application App => Summary.Application;
    /// <summary>While waiting for supplements only 不通过 is possible, and only once the deadline has passed.</summary>
    public bool OnlyFail => App.Status == ApplicationStatus.SupplementRequested;
    public bool Overdue => OnlyFail && App.SupplementDeadline < Today;
    public bool CanDecide => App.Status == ApplicationStatus.AwaitingQualification || Overdue;

    public IEnumerable<PreCheckResult> ChecksFor(string itemCode) => PreChecks.Where(p => p.ItemCode == itemCode);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var app = await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == ApplicationId, ct);
        if (app is null) return NotFound();
        await LoadAsync(app, ct);
        Version = app.Version;
        Items = QualificationChecklist.Items.Select(i => new ItemInput
        {
            Code = i.Code,
            Verdict = PreCheckResult.Worst(ChecksFor(i.Code)) switch
            {
                PreCheckStatus.Pass => ChecklistVerdict.Satisfied,
                PreCheckStatus.Fail => ChecklistVerdict.NeedsSupplement,
                _ => null,
            },
        }).ToList();
        if (OnlyFail) Outcome = QualificationOutcome.Fail;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var app = await db.Set<Application>().FirstOrDefaultAsync(a => a.Id == ApplicationId, ct);
        if (app is null) return NotFound();
        var decision = new QualificationDecision(Outcome, Reasons,
            Items.Select(i => new ChecklistInput(i.Code, i.Verdict, i.Note)).ToList(), OverrideDeadline, OverrideReason);
        var review = await workflow.DecideAsync(app, Version, decision, User.UserId(), ct);
        Flash = review.Outcome switch
        {
            QualificationOutcome.Pass => $"已作出资格审查通过结论（第{review.Round}轮），并已通知申报组织。",
            QualificationOutcome.Fail => $"已作出资格审查不通过结论（第{review.Round}轮），并已通知申报组织。",
            _ => $"已要求第{review.Round}轮补正，期限 {SupplementDeadlineText.Format(review.SupplementDeadline!.Value, review.SupplementWorkdays ?? 0)}，并已通知申报组织。",
        };
        return RedirectToPage(new { applicationId = ApplicationId });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var app = await db.Set<Application>().AsNoTracking().FirstAsync(a => a.Id == ApplicationId);
        await LoadAsync(app, HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(Application app, CancellationToken ct)
    {
        Today = clock.Today();
        Summary = (await ApplicationSummary.LoadAsync(db, app.Id, ct))!;
        PreChecks = workflow.PreChecks(Summary);
        Rounds = new RoundsView(await workflow.RoundsAsync(app.Id, ct), Today, ShowDecider: true);
        (ProposedDeadline, Workdays) = await workflow.ProposedDeadlineAsync(Summary.Cycle, ct);
    }
}
