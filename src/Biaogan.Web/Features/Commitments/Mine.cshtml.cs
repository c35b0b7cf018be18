using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Commitments;

/// <summary>
/// The winner's 获奖后承诺 (第二十三条): for each of its awards the new quality goals (recorded and revised here) and the yearly
/// progress reports it owes, with due dates and lateness.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class MineModel(CommitmentRecords records, CommitmentWorkflow workflow) : AppPageModel
{
    [BindProperty] public Guid AwardId { get; set; }
    [BindProperty, Display(Name = "质量新目标"), StringLength(QualityGoals.TextLength)] public string? Goals { get; set; }
    [BindProperty] public int GoalsVersion { get; set; }

    public IReadOnlyList<CommitmentView> Awards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostGoalsAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        var saved = await workflow.RecordGoalsAsync(User, AwardId, GoalsVersion, Goals, ct);
        if (saved is null) return NotFound();
        Flash = "质量新目标已保存。每年请按时提交进展报告，说明目标的完成情况。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var awards = await records.VisibleAwards(User).OrderByDescending(a => a.Year).ToListAsync(ct);
        var views = new List<CommitmentView>();
        foreach (var a in awards) views.Add(await records.ViewAsync(a, ct));
        Awards = views;
    }

    /// <summary>The goals text to show in the form of <paramref name="view"/>: what was just posted for it, else what is saved.</summary>
    public string? GoalsFor(CommitmentView view) => view.AwardId == AwardId && Goals is not null ? Goals : view.Goals?.Goals;

    public int VersionFor(CommitmentView view) => view.Goals?.Version ?? 0;
}
