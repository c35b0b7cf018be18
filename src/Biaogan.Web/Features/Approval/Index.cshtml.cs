using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Approval;

/// <summary>
/// 审定 (第二十二条): the committee sees the notice outcome and votes on each organisation (or stands aside for a conflict);
/// the office opens the round after the 公示, records each decision with its reason, and finalises — which issues the awards.
/// </summary>
[Authorize(Policy = Policies.ApprovalCommittee)]
public sealed class IndexModel(AppDbContext db, ApprovalWorkflow workflow, ApprovalListUse listUse, CurrentActor actor) : AppPageModel
{
    public sealed class DecisionRow
    {
        public Guid ApplicationId { get; set; }
        public bool? Approved { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public Guid? ApplicationId { get; set; }
    [BindProperty] public ApprovalChoice Choice { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<DecisionRow> Decisions { get; set; } = [];
    [BindProperty] public int RoundVersion { get; set; }
    /// <summary>Reasons for leaving organisations with an open objection out of the approval (the gate).</summary>
    [BindProperty] public List<Applications.Gates.LeftOutRow> LeftOut { get; set; } = [];
    public IReadOnlyList<Applications.Gates.UnfinishedApplication> Unfinished { get; private set; } = [];
    public Applications.Gates.LeftOutFields Gate => new(Unfinished, "完成审定");

    public Cycle? Cycle { get; private set; }
    public PublicNotice.PublicNotice? Notice { get; private set; }
    public ApprovalRound? Round { get; private set; }
    public string? Blocker { get; private set; }
    public bool IsOffice => User.IsOffice();
    public string UserId => User.UserId();
    public IReadOnlyList<Objection> Objections { get; private set; } = [];

    /// <summary>The list's filters, page and order (docs/decisions/0055).</summary>
    public ApprovalFilter Filter { get; private set; } = new();
    public ListQuery List { get; private set; } = new();
    public ListView? Paging { get; private set; }
    /// <summary>The rows of the page shown (the office's decision form and the members' votes are per page too).</summary>
    public IReadOnlyList<ApprovalRow> Rows { get; private set; } = [];

    public Task OnGetAsync(ApprovalFilter filter, ListQuery list, CancellationToken ct)
    {
        (Filter, List) = (filter, list);
        foreach (var (field, messages) in filter.Errors()) ModelState.AddModelError(field, messages[0]);
        return LoadAsync(ct);
    }

    /// <summary>The route values of the list as shown (forms posted from it come back to it).</summary>
    public Dictionary<string, string> Here() => Paging?.At(Paging.Page) ?? [];

    /// <summary>Back to the list as it was shown (its filters, page and order) after a post.</summary>
    private RedirectResult Back() => Redirect("/Approval" + QueryString.Create(Request.Query.Where(kv => kv.Key != "handler")
        .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString()))));

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        if (!IsOffice) return Forbid();
        await workflow.OpenCurrentAsync(ct);
        Flash = "已将公示后的推荐名单提交审定委员会审定。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostVoteAsync(CancellationToken ct)
    {
        if (!User.IsApprovalCommittee()) return Forbid();
        await workflow.VoteAsync(RoundVersion, UserId, actor.Name, ApplicationId ?? Guid.Empty, Choice, Reason, ct);
        Flash = Choice == ApprovalChoice.Recused ? "已声明回避，您对该组织的意见不计入表决。" : "已记录您的表决意见。";
        return Back();
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        if (!IsOffice) return Forbid();
        await workflow.DecideAsync(RoundVersion, Decisions.Where(d => d.Approved is not null)
            .Select(d => (d.ApplicationId, d.Approved!.Value, d.Reason)).ToList(), ct);
        Flash = $"已保存审定结论（{Decisions.Count(d => d.Approved is not null)} 个组织）。";
        return Back();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (!IsOffice) return Forbid();
        var cycle = await workflow.CurrentCycleAsync(ct) ?? throw new Infrastructure.Errors.DomainRuleException("当前没有进行中的年度活动。");
        await listUse.WithdrawAsync(cycle.Id, RoundVersion, Reason, ct);
        Flash = "已撤回审定，现在可以在“公示”页发布更正说明。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostFinaliseAsync(CancellationToken ct)
    {
        if (!IsOffice) return Forbid();
        var awards = await workflow.FinaliseCurrentAsync(RoundVersion, UserId, ct, Applications.Gates.LeftOutRow.Reasons(LeftOut));
        Flash = $"审定完成，已为 {awards.Count} 个组织颁发证书编号（{string.Join("、", awards.Select(a => a.CertificateNumber))}）。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Status == CycleStatus.Open, ct);
        if (Cycle is null) return;
        Notice = await db.Set<PublicNotice.PublicNotice>().AsNoTracking().FirstOrDefaultAsync(n => n.CycleId == Cycle.Id, ct);
        Round = await db.Set<ApprovalRound>().AsNoTracking().FirstOrDefaultAsync(r => r.CycleId == Cycle.Id, ct);
        if (Round is null) Blocker = await workflow.BlockerAsync(Cycle.Id, ct);
        Objections = await db.Set<Objection>().AsNoTracking().Where(o => o.CycleId == Cycle.Id).ToListAsync(ct);
        if (Round is not null && RoundVersion == 0) RoundVersion = Round.Version;
        if (Round is { IsFinal: false }) Unfinished = await workflow.UnfinishedAsync(Cycle.Id, ct);
        if (Round is null) return;
        var page = await ApprovalList.PageAsync(db, Round, ModelState.IsValid ? Filter : new ApprovalFilter(), List, ct);
        Rows = page.Items;
        Paging = ListView.Of(page, ApprovalList.Sorts, List, Filter.RouteValues());
    }

    /// <summary>The confirmation asked before finalising: how many organisations receive a certificate, named.</summary>
    public string FinaliseConfirm
    {
        get
        {
            var approved = Round?.Items.Where(i => i.Approved == true).OrderBy(i => i.Order).Select(i => i.OrganizationName).ToList() ?? [];
            var text = $"将完成审定，为 {approved.Count} 个组织颁发全国用户满意标杆证书（{string.Join("、", approved)}），并在获奖名单公告页公布。";
            if (Unfinished.Count > 0) text += $"另有 {Unfinished.Count} 个组织的异议未办结，将被留出（须逐项填写原因）。";
            return text + "完成后不能再修改，确定吗？";
        }
    }
}
