using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Governance;

/// <summary>
/// 领导小组决定 (第七条): the matters waiting for the leading group (it records each decision with its votes and reason),
/// the office's proposals per cycle, and every decision made.
/// </summary>
[Authorize(Policy = Policies.Governance)]
public sealed class IndexModel(AppDbContext db, GovernanceWorkflow workflow) : AppPageModel
{
    public sealed class ProposalInput
    {
        public MatterKind Kind { get; set; }
        public Guid CycleId { get; set; }
        public Guid? PlanId { get; set; }
    }

    public sealed class DecisionInput
    {
        public Guid Id { get; set; }
        public int Version { get; set; }
        public bool Approve { get; set; } = true;
        [Range(0, 200, ErrorMessage = "票数应在 0 至 200 之间。")] public int VotesFor { get; set; }
        [Range(0, 200, ErrorMessage = "票数应在 0 至 200 之间。")] public int VotesAgainst { get; set; }
        [Range(0, 200, ErrorMessage = "票数应在 0 至 200 之间。")] public int VotesAbstain { get; set; }
        [StringLength(LeadingGroupDecision.TextLength, ErrorMessage = "理由不能超过2000个字。")] public string? Reason { get; set; }
    }

    [BindProperty] public ProposalInput Proposal { get; set; } = new();
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    /// <summary>A local page to return to after a proposal made from it (the cycle page, a plan's page).</summary>
    [BindProperty] public string? ReturnTo { get; set; }

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public IReadOnlyList<LeadingGroupDecision> Pending { get; private set; } = [];
    public IReadOnlyList<LeadingGroupDecision> Decided { get; private set; } = [];

    /// <summary>The matters the office proposes from this page (plans are proposed from their own page).</summary>
    public static readonly MatterKind[] ProposedHere =
        [MatterKind.CycleRules, MatterKind.ExpertGroupDelegation, MatterKind.PlaceholderScoring, MatterKind.ReviewCommittee, MatterKind.ApprovalCommittee];

    public string YearOf(Guid cycleId) => Cycles.FirstOrDefault(c => c.Id == cycleId)?.Year.ToString() ?? "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        var d = await workflow.ProposeAsync(Proposal.Kind, Proposal.CycleId, Proposal.PlanId, ct);
        Flash = $"已提请领导小组决定“{d.Kind.Display()}”，领导小组成员已收到通知。";
        if (Proposal.PlanId is { } plan) return Redirect($"/Assignment/Plans/{plan}");
        if (ReturnTo is { } back && Url.IsLocalUrl(back)) return LocalRedirect(back);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        if (!User.IsLeadingGroup()) return Forbid();
        if (!ModelState.IsValid) return await RedisplayAsync();
        var d = await workflow.DecideAsync(Decision.Id, Decision.Version, Decision.Approve, Decision.VotesFor, Decision.VotesAgainst,
            Decision.VotesAbstain, Decision.Reason, ct);
        Flash = $"已记录领导小组决定：“{d.Kind.Display()}”{d.Status.Display()}，活动办公室已收到通知。";
        return RedirectToPage();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        var all = await db.Set<LeadingGroupDecision>().AsNoTracking().OrderByDescending(d => d.ProposedAt).Take(200).ToListAsync(ct);
        Pending = all.Where(d => d.Status == MatterStatus.Pending).OrderBy(d => d.ProposedAt).ToList();
        Decided = all.Where(d => d.Status != MatterStatus.Pending).OrderByDescending(d => d.DecidedAt).ToList();
    }
}
