using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Recommendations;

/// <summary>The recommending body reads one application and recommends it (with its letter) or declines.</summary>
[Authorize(Policy = Policies.Recommender)]
public sealed class ReviewModel(AppDbContext db, RecommendationWorkflow workflow) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ApplicationId { get; set; }
    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public IFormFile? Letter { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int Version { get; set; }

    public ApplicationSummary Summary { get; private set; } = null!;
    public string? Blocked { get; private set; }
    public IReadOnlyList<string> LetterKinds { get; private set; } = [];
    public int MaxFileMb { get; private set; }

    public bool CanAct => Blocked is null && Summary.Application.Status == ApplicationStatus.Submitted;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (app, caller) = await FindAsync(tracked: false, ct);
        if (app is null) return NotFound();
        await LoadAsync(app, caller, ct);
        Version = app.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostRecommendAsync(CancellationToken ct)
    {
        var (app, caller) = await FindAsync(tracked: true, ct);
        if (app is null) return NotFound();
        await using var letter = Letter?.OpenReadStream();
        await workflow.RecommendAsync(app, Version, Opinion, letter, Letter?.FileName, caller, ct);
        Flash = $"已为申报 {app.Number} 出具推荐意见，申报已进入活动办公室资格审查。";
        return RedirectToPage(new { applicationId = ApplicationId });
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken ct)
    {
        var (app, caller) = await FindAsync(tracked: true, ct);
        if (app is null) return NotFound();
        await workflow.DeclineAsync(app, Version, Reason, caller, ct);
        Flash = $"已告知申报组织不予推荐（申报 {app.Number}）。";
        return RedirectToPage(new { applicationId = ApplicationId });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var (app, caller) = await FindAsync(tracked: false, HttpContext.RequestAborted);
        if (app is null) return NotFound();
        await LoadAsync(app, caller, HttpContext.RequestAborted);
        return Page();
    }

    private Task<(Application? App, ApplicationAccess.Caller Caller)> FindAsync(bool tracked, CancellationToken ct) =>
        workflow.FindAsync(ApplicationId, User, tracked, ct);

    private async Task LoadAsync(Application app, ApplicationAccess.Caller caller, CancellationToken ct)
    {
        Summary = (await ApplicationSummary.LoadAsync(db, app.Id, ct))!;
        Blocked = RecommendationWorkflow.Blocked(await workflow.BodyAsync(caller, ct));
        LetterKinds = RecommendationWorkflow.AllowedLetterKinds(Summary.Cycle);
        MaxFileMb = Summary.Cycle.Settings.MaxFileSizeMb;
    }
}
