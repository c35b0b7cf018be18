using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>公示 (第二十一条) for the office: draft from the recommended list → preview the dates → publish; then the objection queue.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, NoticeWorkflow workflow, NoticeCorrections corrections, TimeProvider clock) : AppPageModel
{
    public sealed class EntryInput
    {
        public Guid ApplicationId { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public DateOnly? StartDate { get; set; }
    [BindProperty] public string? PostalAddress { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public List<EntryInput> Entries { get; set; } = [];
    [BindProperty] public bool AcceptUnconfirmed { get; set; }
    [BindProperty] public int NoticeVersion { get; set; }
    /// <summary>Why the draft is withdrawn, or the text of the correction notice (更正说明) of a published one.</summary>
    [BindProperty] public string? Reason { get; set; }

    public Cycle? Cycle { get; private set; }
    public PublicNotice? Notice { get; private set; }
    public bool ListComplete { get; private set; }
    public NoticePhase Phase { get; private set; }
    public IReadOnlyList<Objection> Objections { get; private set; } = [];
    public int LateRefused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Notice is { } n)
        {
            Title = n.Title; Text = n.Text; StartDate = n.StartDate ?? clock.Today(); PostalAddress = n.PostalAddress; Phone = n.Phone; Email = n.Email;
            Entries = n.Entries.OrderBy(e => e.Order).Select(e => new EntryInput { ApplicationId = e.ApplicationId, Description = e.Description }).ToList();
            NoticeVersion = n.Version;
        }
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await workflow.CreateCurrentDraftAsync(ct);
        Flash = "已根据评审委员会确定的推荐名单生成公示草稿，请补充受理异议的联系方式、设置开始日期并预览。";
        return RedirectToPage();
    }

    /// <summary>Saves the draft and computes the 公示期 on the calendar (the preview step).</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var (notice, end) = await workflow.SaveDraftAsync(NoticeVersion, new NoticeDraft(Title, Text, StartDate, PostalAddress, Phone, Email,
            Entries.ToDictionary(e => e.ApplicationId, e => e.Description ?? "")), ct);
        Flash = end.Confirmed ? $"已保存。{notice.PeriodText}，异议受理截止 {notice.DeadlineText}。请预览后发布。"
            : $"已保存。{notice.PeriodText}。注意：公示期跨越尚未公布节假日安排的年份，截止日期按周一至周五推算，未经确认。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        var notice = await workflow.PublishAsync(NoticeVersion, User.UserId(), AcceptUnconfirmed, ct);
        Flash = $"公示已发布。{notice.PeriodText}，异议受理截止 {notice.DeadlineText}。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        Flash = await corrections.WithdrawAsync(NoticeVersion, Reason, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostApplyCorrectionAsync(CancellationToken ct)
    {
        await corrections.ApplyAsync(NoticeVersion, ct);
        Flash = "公示名单已按更正后的推荐名单更新，公示页面同时显示更正说明。";
        return RedirectToPage();
    }

    /// <summary>The confirmation asked before publishing: how many organisations become public, named, and the period.</summary>
    public string PublishConfirm => Notice is not { } n ? ""
        : $"将向社会公示 {n.Listed.Count()} 个推荐获奖组织（{string.Join("、", n.Listed.Select(e => e.OrganizationName))}），" +
          $"公示期 {n.DatesText}，异议受理截止 {n.DeadlineText}。发布后名单和公示期不能再修改，确定发布吗？";

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Status == CycleStatus.Open, ct);
        if (Cycle is null) return;
        Notice = await db.Set<PublicNotice>().AsNoTracking().FirstOrDefaultAsync(n => n.CycleId == Cycle.Id, ct);
        ListComplete = await Evaluation.EvaluationQueries.CompleteAsync(db, Cycle.Id, ct);
        if (Notice is null) return;
        Phase = Notice.PhaseAt(clock.GetUtcNow());
        Objections = await db.Set<Objection>().AsNoTracking().Where(o => o.NoticeId == Notice.Id).OrderBy(o => o.ReceivedAt).ToListAsync(ct);
        LateRefused = await db.Set<LateObjection>().AsNoTracking().CountAsync(l => l.NoticeId == Notice.Id, ct);
        if (NoticeVersion == 0) NoticeVersion = Notice.Version;
    }
}
