using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Applications;

/// <summary>申报详情: the whole application read-only, its history, and the applicant's 提交 / 撤回.</summary>
public sealed class DetailsModel(AppDbContext db, ApplicationAccess access, ApplicationWorkflow workflow, IApplicationProgress progress) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? WithdrawReason { get; set; }

    public ApplicationSummary Summary { get; private set; } = null!;
    /// <summary>The status and dated steps across every stage (computed by the Progress feature).</summary>
    public ApplicationStanding Standing { get; private set; } = null!;
    public ApplicationAccess.Caller Caller { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool ShowProblems { get; private set; }

    public Application Application => Summary.Application;
    public string SubmitConfirm => ApplicationConfirm.Submit(Application, Summary.Organization.Name, Summary.RecommendingBody?.Name);
    public bool IsOwnApplicant => ApplicationAccess.CanEdit(Caller, Application);
    public bool CanSubmit => IsOwnApplicant && Application.IsEditableByApplicant;
    public bool CanWithdraw => IsOwnApplicant && Application.CanWithdraw;

    /// <summary>Who may open the 资格审查与补正 page (/Qualification/Supplement): the organisation itself and the office.</summary>
    public bool SeesQualification => ApplicationAccess.CanSeeReview(Caller, Application);

    /// <summary>The page of the 补正 request and of every 资格审查 round (the qualification feature's).</summary>
    public string QualificationPath => $"/Qualification/Supplement/{Id}";

    public bool QualificationDecided => Application.Status is ApplicationStatus.Qualified or ApplicationStatus.Disqualified;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Version = Application.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!IsOwnApplicant) throw new DomainRuleException("只有申报组织本单位的用户可以提交申报。");
        if (Problems.Count > 0 && Application.IsEditableByApplicant)
        {
            ShowProblems = true;
            return Page();
        }
        var app = await workflow.SubmitAsync(Id, Version);
        Flash = app.Status == ApplicationStatus.AwaitingQualification
            ? "补正材料已提交，活动办公室将继续资格审查。"
            : $"申报已提交，申报编号 {app.Number}。已通知推荐单位出具推荐意见。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!IsOwnApplicant) throw new DomainRuleException("只有申报组织本单位的用户可以撤回申报。");
        await workflow.WithdrawAsync(Id, WithdrawReason ?? "", Version);
        Flash = "申报已撤回。如需再次申报，可以在“我的申报”中新建申报。";
        return RedirectToPage(new { id = Id });
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        db.ChangeTracker.Clear();
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        Caller = await access.CallerAsync(User);
        var summary = await ApplicationSummary.LoadAsync(db, Id);
        if (summary is null || !ApplicationAccess.CanView(Caller, summary.Application)) return false;
        Summary = summary;
        Standing = (await progress.StandingsAsync([Id]))[Id];
        if (CanSubmit) Problems = await workflow.ProblemsAsync(summary.Application, summary.Cycle);
        return true;
    }
}
