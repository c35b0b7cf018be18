using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Commitments;

/// <summary>
/// One yearly progress report (第二十三条): the winner files it here; once filed, the winner, the office and the leading group
/// read it here. Another organisation's award is 404 (it does not learn the award's reports exist).
/// </summary>
[Authorize(Policy = Policies.SupervisionParties)]
public sealed class ReportModel(CommitmentRecords records, CommitmentWorkflow workflow) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid AwardId { get; set; }
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty, Display(Name = "目标进展"), StringLength(ProgressReport.TextLength)] public string? GoalProgress { get; set; }
    [BindProperty, Display(Name = "本年度用户满意度结果"), StringLength(ProgressReport.TextLength)] public string? SatisfactionResults { get; set; }
    [BindProperty, Display(Name = "质量管理新实践"), StringLength(ProgressReport.TextLength)] public string? NewPractices { get; set; }

    public CommitmentView View { get; private set; } = null!;
    public ReportLine? Line { get; private set; }
    public ReportView? Filed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Staff read reports; only the organisation files its own.
        if (!User.IsInRole(Roles.Applicant)) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        var report = await workflow.FileReportAsync(User, AwardId, Year, GoalProgress, SatisfactionResults, NewPractices, ct);
        if (report is null) return NotFound();
        Flash = report.DaysLate > 0
            ? $"{Year}年度进展报告已提交活动办公室。截止日期为 {Infrastructure.Time.ChinaTime.Format(report.DueOn)}，本次提交逾期 {report.DaysLate} 天。"
            : $"{Year}年度进展报告已提交活动办公室。";
        return RedirectToPage(new { awardId = AwardId, year = Year });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await records.ForUserAsync(User, AwardId, ct) is not { } view) return false;
        View = view;
        Line = view.Lines.FirstOrDefault(l => l.Year == Year);
        Filed = view.Reports.FirstOrDefault(r => r.Year == Year);
        return true;
    }

    public bool CanFile => Filed is null && User.IsInRole(Roles.Applicant) && Line is { State: ReportState.Due or ReportState.Overdue };
}
