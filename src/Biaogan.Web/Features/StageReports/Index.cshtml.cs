using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.StageReports;

/// <summary>
/// 阶段工作报告 (第九条): the office generates the 资料评审阶段工作报告 and the 现场评审工作报告 from the records; the review
/// committee's members read them here and record 同意 or 意见. Applicants and the public never see them.
/// </summary>
[Authorize(Policy = Policies.ReviewCommittee)]
public sealed class IndexModel(AppDbContext db, StageReportWorkflow workflow) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }
    [BindProperty(SupportsGet = true)] public StageReportKind Kind { get; set; } = StageReportKind.DocumentReview;
    [BindProperty] public DateOnly? DueOn { get; set; }
    /// <summary>同意 (true) or 提出意见 (false); nothing chosen is refused.</summary>
    [BindProperty] public bool? Agreed { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public Cycle? Cycle { get; private set; }
    public StageReportView? View { get; private set; }
    public bool IsOffice { get; private set; }
    public StageReportResponse? Mine => View?.Report.ResponseOf(User.UserId());

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        var cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        if (cycle is null) return NotFound();
        var report = await workflow.GenerateAsync(cycle.Id, Kind, DueOn, User.UserId(), ct);
        Flash = $"已生成{Kind.Display()}第 {report.Revision} 稿，并已通知评审委员会委员审议。";
        return RedirectToPage(new { cycleId = cycle.Id, kind = Kind });
    }

    public async Task<IActionResult> OnPostRespondAsync(CancellationToken ct)
    {
        if (!User.IsReviewCommittee()) return Forbid();
        var cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        if (cycle is null) return NotFound();
        var agreed = Agreed ?? throw new DomainRuleException("请选择“同意”或“提出意见”后再提交。");
        await workflow.RespondAsync(cycle.Id, Kind, User.UserId(), agreed, Comment, ct);
        Flash = agreed ? $"已记录您对{Kind.Display()}的审议：同意。" : $"已记录您对{Kind.Display()}的意见，活动办公室将据此处理。";
        return RedirectToPage(new { cycleId = cycle.Id, kind = Kind });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        Cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        IsOffice = User.IsOffice();
        if (Cycle is null) return;
        View = await workflow.ViewAsync(Cycle.Id, Kind, ct);
    }
}
