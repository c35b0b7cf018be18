using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.OnSite;

/// <summary>
/// 现场评审 of one application for the office and the on-site team: schedule, 待核实问题, on-site scores, problems found,
/// opinion and approvals. The applicant organisation is sent to its own schedule page; anyone else gets 404.
/// </summary>
[Authorize]
public sealed class VisitModel(AppDbContext db, SiteVisitReader reader, SiteVisitWorkflow workflow) : AppPageModel
{
    public sealed class AgendaInput
    {
        public string? Time { get; set; }
        public string? Activity { get; set; }
        public string? Participants { get; set; }
    }

    public sealed class ItemInput
    {
        public string Code { get; set; } = "";
        public int? Percent { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateOnly? StartDate { get; set; }
    [BindProperty] public DateOnly? EndDate { get; set; }
    [BindProperty] public string? SitesText { get; set; }
    [BindProperty] public List<AgendaInput> Agenda { get; set; } = [];
    [BindProperty] public string? ItemCode { get; set; }
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public Guid IssueId { get; set; }
    [BindProperty] public IssueOutcome? Outcome { get; set; }
    [BindProperty] public int? ToPercent { get; set; }
    [BindProperty] public string? InterviewNotes { get; set; }
    [BindProperty] public string? DocumentNotes { get; set; }
    [BindProperty] public List<ItemInput> Items { get; set; } = [];
    [BindProperty] public string? ProblemsText { get; set; }
    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public SiteVisitView View { get; private set; } = null!;
    public IReadOnlyDictionary<string, ItemDoubt> Doubts { get; private set; } = new Dictionary<string, ItemDoubt>();
    public static IEnumerable<int> Percentages => Enumerable.Range(0, 21).Select(i => i * 5);
    public bool Editable => View.Visit.Status == SiteVisitStatus.InProgress;

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        var view = await reader.ReadableAsync(User, applicationId, false, ct);
        if (view is null) return NotFound();
        if (!view.IsStaff) return Redirect(SiteVisitWorkflow.SchedulePath(applicationId));
        await LoadAsync(view, ct);
        Fill();
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var id = Guid.Parse(RouteData.Values["applicationId"]?.ToString() ?? "");
        var view = await reader.ReadableAsync(User, id, false, HttpContext.RequestAborted);
        if (view is null) return NotFound();
        await LoadAsync(view, HttpContext.RequestAborted);
        Fill(keepPosted: true);
        return Page();
    }

    public Task<IActionResult> OnPostScheduleAsync(Guid applicationId, CancellationToken ct) => Done(applicationId, async () =>
    {
        if (StartDate is not { } start || EndDate is not { } end) throw new DomainRuleException("请填写现场评审的开始日期和结束日期。");
        var sites = (SitesText ?? "").Split('\n');
        var agenda = Agenda.Select(a => new AgendaItem { Time = a.Time ?? "", Activity = a.Activity ?? "", Participants = a.Participants ?? "" });
        return await workflow.ProposeScheduleAsync(User, applicationId, Version, start, end, sites, agenda, ct);
    }, "日程已提出，已通知申报组织确认。");

    public Task<IActionResult> OnPostRaiseAsync(Guid applicationId, CancellationToken ct) =>
        Done(applicationId, () => workflow.RaiseIssueAsync(User, applicationId, Version, ItemCode ?? "", Question ?? "", ct), "已列为待核实问题。");

    public Task<IActionResult> OnPostWithdrawAsync(Guid applicationId, CancellationToken ct) =>
        Done(applicationId, () => workflow.WithdrawIssueAsync(User, applicationId, Version, IssueId, ct), "已撤销该待核实问题。");

    public Task<IActionResult> OnPostCloseAsync(Guid applicationId, CancellationToken ct) => Done(applicationId, () =>
    {
        if (Outcome is not { } outcome) throw new DomainRuleException("请选择核实结果：已核实、未能核实或调整评分。");
        return workflow.CloseIssueAsync(User, applicationId, Version, IssueId, outcome, ToPercent, InterviewNotes, DocumentNotes, ct);
    }, "已记录核实结果。");

    public Task<IActionResult> OnPostRecordAsync(Guid applicationId, CancellationToken ct) => Done(applicationId, () =>
        workflow.RecordAsync(User, applicationId, Version, Items.Select(i => (i.Code, i.Percent, i.Reason)).ToList(), Opinion,
            (ProblemsText ?? "").Split('\n'), ct), "现场评分、存在的问题和现场评审意见已保存。");

    public Task<IActionResult> OnPostLeaderApproveAsync(Guid applicationId, CancellationToken ct) =>
        Done(applicationId, () => workflow.ApproveAsLeaderAsync(User, applicationId, Version, ct), "您已确认现场评审报告，活动办公室将审核。");

    public Task<IActionResult> OnPostOfficeApproveAsync(Guid applicationId, CancellationToken ct) =>
        Done(applicationId, () => workflow.ApproveByOfficeAsync(User, applicationId, Version, ct), "报告已确认，资料评审得分和现场评审得分已计算。");

    public Task<IActionResult> OnPostReturnAsync(Guid applicationId, CancellationToken ct) =>
        Done(applicationId, () => workflow.ReturnAsync(User, applicationId, Version, Reason, ct), "报告已退回专家组修改。");

    public Task<IActionResult> OnPostReleaseAsync(Guid applicationId, CancellationToken ct) =>
        Done(applicationId, () => workflow.ReleaseAsync(User, applicationId, Version, ct), "报告已发送，申报组织已收到通知。");

    private async Task<IActionResult> Done(Guid applicationId, Func<Task<SiteVisitView?>> change, string message)
    {
        if (await change() is null) return NotFound();
        Flash = message;
        return RedirectToPage(new { applicationId });
    }

    private async Task LoadAsync(SiteVisitView view, CancellationToken ct)
    {
        View = view;
        Doubts = await DocumentDoubts.ForAsync(db, view.Visit.ApplicationId, ct);
    }

    /// <summary>The forms start from what is recorded (plus blank agenda lines to add to); posted values are kept on redisplay.</summary>
    private void Fill(bool keepPosted = false)
    {
        var v = View.Visit;
        if (!keepPosted) Version = v.Version;
        StartDate ??= v.StartDate;
        EndDate ??= v.EndDate;
        SitesText ??= string.Join("\n", v.Sites);
        Opinion ??= v.Opinion;
        ProblemsText ??= v.Problems;
        if (Agenda.Count == 0)
        {
            Agenda = v.Agenda.Select(a => new AgendaInput { Time = a.Time, Activity = a.Activity, Participants = a.Participants }).ToList();
            while (Agenda.Count < v.Agenda.Count + 4) Agenda.Add(new AgendaInput());
        }
        if (Items.Count == 0)
            Items = v.Items.Select(i => new ItemInput { Code = i.ItemCode, Percent = i.Percent ?? i.DocumentPercent, Reason = i.Reason }).ToList();
    }
}
