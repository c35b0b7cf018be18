using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Supervision;

/// <summary>
/// One supervision case. The office investigates, asks the organisation, submits to the leading group and records the
/// decision; members of the leading group vote; the organisation concerned sees the question put to it, answers it and
/// sees the decision. Anyone else gets 404.
/// </summary>
[Authorize(Policy = Policies.SupervisionParties)]
public sealed class CaseModel(AppDbContext db, CaseWorkflow workflow, IncidentWorkflow incidents, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int CaseVersion { get; set; }
    [BindProperty, StringLength(SupervisionCase.TextLength), Display(Name = "内容")] public string? Text { get; set; }
    [BindProperty, Display(Name = "决定")] public CaseOutcome Outcome { get; set; }
    [BindProperty, StringLength(SupervisionCase.TextLength), Display(Name = "理由")] public string? Reason { get; set; }
    [BindProperty, StringLength(2000), Display(Name = "公开原因")] public string? PublicReason { get; set; }
    [BindProperty, Display(Name = "书面报告截止日期")] public DateOnly? ReportBy { get; set; }
    [BindProperty] public int IncidentVersion { get; set; }

    public CaseView View { get; private set; } = null!;
    public Award Award { get; private set; } = null!;
    public IReadOnlyList<StoredFile> Files { get; private set; } = [];
    public SupervisionVote? MyVote { get; private set; }
    public Tally? Tally { get; private set; }
    /// <summary>Work a higher feature prepared for the decision (the confirmation group's opinion); staff only.</summary>
    public IReadOnlyList<CaseBriefing> Briefings { get; private set; } = [];
    public MajorityRule Majority => workflow.Majority;
    public CaseKind Kind => Enum.Parse<CaseKind>(View.Case.Kind);

    /// <summary>For the confirmation after a post (the page is not loaded then).</summary>
    private async Task<string> OutcomeTextAsync(CancellationToken ct) => SupervisionCase.OutcomeDisplay(
        await db.Set<SupervisionCase>().Where(c => c.Id == Id).Select(c => c.Kind).FirstOrDefaultAsync(ct), Outcome);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (MyVote is { } v) (Outcome, Reason) = (v.Outcome, v.Reason);
        else if (Tally?.Winner is { } w) Outcome = w;
        return Page();
    }

    /// <summary>An attachment of this case's written report, for whoever may see the case.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid fileId, [FromServices] FileStore store, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var file = Files.FirstOrDefault(f => f.Id == fileId);
        return file is null ? NotFound() : store.Serve(file);
    }

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public Task<IActionResult> OnPostNoteAsync(CancellationToken ct) =>
        Office(() => workflow.NoteAsync(Id, CaseVersion, Text, ct), "调查记录已添加。");

    public Task<IActionResult> OnPostRequestReplyAsync(CancellationToken ct) =>
        Office(() => workflow.RequestReplyAsync(Id, CaseVersion, Text, ct), "已请组织答复，并通过站内信和电子邮件通知该组织。");

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        Office(() => workflow.SubmitAsync(Id, CaseVersion, ct), "已提交领导小组审议，并通知领导小组成员。");

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        Office(() => workflow.ReturnAsync(Id, CaseVersion, Text, ct), "案件已退回调查。");

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct) =>
        await Office(() => workflow.DecideAsync(Id, CaseVersion, Outcome, Reason, PublicReason, ct), Outcome == CaseOutcome.Revoke
            ? $"已记录决定：{await OutcomeTextAsync(ct)}。标杆名录和证书核验已显示“已撤销”及公开原因，并已通知该组织。"
            : $"已记录决定：{await OutcomeTextAsync(ct)}，并已通知该组织。");

    public async Task<IActionResult> OnPostRequestReportAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        var incidentId = await db.Set<Incident>().Where(i => i.CaseId == Id).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        if (incidentId is null || await incidents.RequestReportAsync(incidentId.Value, IncidentVersion, ReportBy, ct) is null) return NotFound();
        Flash = "已要求组织提交书面报告：截止前提醒，逾期后通知。";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostVoteAsync(CancellationToken ct)
    {
        if (!User.IsLeadingGroup()) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (await workflow.VoteAsync(User, Id, Outcome, Reason, ct) is null) return NotFound();
        Flash = $"您的投票（{await OutcomeTextAsync(ct)}）已记录。在活动办公室记录决定之前，您可以修改投票。";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        if (User.OrganizationId() is null) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (await workflow.ReplyAsync(User, Id, CaseVersion, Text, ct) is null) return NotFound();
        Flash = "答复已提交活动办公室。";
        return RedirectToPage(new { Id });
    }

    private async Task<IActionResult> Office(Func<Task<SupervisionCase?>> act, string done)
    {
        if (!User.IsOffice()) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (await act() is null) return NotFound();
        Flash = done;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var view = await SupervisionViews.CaseAsync(db, User, clock, Id, ct);
        if (view is null) return false;
        View = view;
        Award = await db.Set<Award>().AsNoTracking().FirstAsync(a => a.Id == view.Case.AwardId, ct);
        if (view.Incident is { } i)
        {
            Files = await incidents.Files(i.Id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
            if (IncidentVersion == 0) IncidentVersion = i.Version;
        }
        if (CaseVersion == 0) CaseVersion = view.Case.Version;
        if (SupervisionAccess.IsStaff(User))
        {
            var votes = await db.Set<SupervisionVote>().AsNoTracking().Where(v => v.CaseId == Id).ToListAsync(ct);
            Tally = workflow.Majority.Tally(votes);
            var me = User.UserId();
            MyVote = votes.FirstOrDefault(v => v.VoterUserId == me);
            var c = await db.Set<SupervisionCase>().AsNoTracking().FirstAsync(x => x.Id == Id, ct);
            Briefings = await workflow.BriefingsAsync(c, ct);
        }
        return true;
    }
}
