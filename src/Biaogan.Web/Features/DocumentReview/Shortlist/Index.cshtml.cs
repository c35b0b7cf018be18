using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Shortlist;

/// <summary>
/// 评审委员会入围评议 (第十七条): members vote on the ranked applications of a category (names hidden until the office
/// reveals them) and declare conflicts; the office records conflicts, the outcome with votes and reasons, and finalises it.
/// </summary>
[Authorize(Policy = Policies.ReviewCommittee)]
public sealed class IndexModel(AppDbContext db, ShortlistWorkflow workflow, TimeProvider clock, RankingStore ranking) : AppPageModel
{
    public sealed class OutcomeRow
    {
        public Guid ApplicationId { get; set; }
        public bool Selected { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }
    [BindProperty(SupportsGet = true)] public AwardCategory Category { get; set; } = AwardCategory.Enterprise;

    // member vote / conflict
    [BindProperty] public string? Alias { get; set; }
    /// <summary>The name or alias shown on the row voted on, for the confirmation message.</summary>
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public Guid? ApplicationId { get; set; }
    [BindProperty] public bool Select { get; set; }
    [BindProperty] public string? Reason { get; set; }
    // office
    [BindProperty] public string? MemberId { get; set; }
    [BindProperty] public Guid? ConflictId { get; set; }
    [BindProperty] public List<OutcomeRow> Outcome { get; set; } = [];
    [BindProperty] public int DecisionVersion { get; set; }
    /// <summary>Reasons for leaving unfinished applications out of the shortlist (the gate).</summary>
    [BindProperty] public List<LeftOutRow> LeftOut { get; set; } = [];

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public Cycle? Cycle { get; private set; }
    public CategoryRankingBoard? Board { get; private set; }
    /// <summary>The ranking version shown: the one a final selection was made on, else the latest stored one.</summary>
    public StoredRanking? Ranking { get; private set; }
    public ShortlistDecision? Decision { get; private set; }
    public bool IsOffice { get; private set; }
    public string UserId => User.UserId();
    public IReadOnlyList<CommitteeMember> Members { get; private set; } = [];
    public IReadOnlyList<CommitteeConflict> Conflicts { get; private set; } = [];
    public Dictionary<Guid, VoteTally> Tally { get; private set; } = [];
    public Dictionary<Guid, ShortlistVote> MyVotes { get; private set; } = [];
    /// <summary>Names of the category's candidates for the conflict declaration, sorted by name (not linked to the ranking).</summary>
    public IReadOnlyList<(Guid Id, string Name)> Candidates { get; private set; } = [];
    /// <summary>Applications of the category not through 资料评审 yet: the gate's list (office only).</summary>
    public IReadOnlyList<UnfinishedApplication> Unfinished { get; private set; } = [];
    public LeftOutFields Gate => new(Unfinished, "确定入围名单");

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public Task<IActionResult> OnPostVoteAsync(CancellationToken ct) => ActAsync(async cycleId =>
    {
        if (!User.IsReviewCommittee()) return Forbid();
        var id = ApplicationId ?? (Alias is { Length: > 0 } a ? await workflow.ResolveAliasAsync(cycleId, Category, a, ct) : null);
        if (id is null) return NotFound();
        await workflow.VoteAsync(cycleId, Category, id.Value, UserId, Select, Reason, ct);
        Flash = $"已保存您对“{Label ?? Alias ?? "该申报"}”的投票（{(Select ? "入围" : "不入围")}）。";
        return null;
    }, ct);

    public Task<IActionResult> OnPostDeclareAsync(CancellationToken ct) => ActAsync(async cycleId =>
    {
        var office = User.IsOffice();
        if (!office && !User.IsReviewCommittee()) return Forbid();
        if (ApplicationId is not { } id) return NotFound();
        var member = office ? MemberId ?? "" : UserId;
        await workflow.RecordConflictAsync(cycleId, id, member, office ? CommitteeConflictSource.OfficeRecorded : CommitteeConflictSource.MemberDeclared,
            Reason, UserId, ct);
        Flash = office ? "已登记该委员的回避，该委员不参加这项申报的投票。" : "已登记您的回避，您不参加这项申报的投票。";
        return null;
    }, ct);

    public Task<IActionResult> OnPostWithdrawConflictAsync(CancellationToken ct) => OfficeAsync(async _ =>
    {
        if (ConflictId is { } id) await workflow.WithdrawConflictAsync(id, Reason, ct);
        Flash = "已撤销该回避记录。";
    }, ct);

    public Task<IActionResult> OnPostRevealAsync(CancellationToken ct) => OfficeAsync(async cycleId =>
    {
        await workflow.RevealNamesAsync(cycleId, Category, ct);
        Flash = $"已向评审委员会公开{Biaogan.Web.Features.Cycles.Cycle.CategoryDisplay(Category)}申报组织名称。";
    }, ct);

    public Task<IActionResult> OnPostRecordAsync(CancellationToken ct) => OfficeAsync(async cycleId =>
    {
        await workflow.RecordOutcomeAsync(cycleId, Category, Outcome.Select(o => new OutcomeInput(o.ApplicationId, o.Selected, o.Reason)).ToList(),
            DecisionVersion, ct);
        Flash = "已保存评审委员会的评议结果。确认无误后，请点击“确定入围名单”。";
    }, ct);

    public Task<IActionResult> OnPostFinaliseAsync(CancellationToken ct) => OfficeAsync(async cycleId =>
    {
        await workflow.FinaliseAsync(cycleId, Category, UserId, DecisionVersion, ct, LeftOutRow.Reasons(LeftOut));
        Flash = "入围名单已确定。未入围的申报可在“资料评审反馈报告”中生成反馈报告。";
    }, ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => OfficeAsync(async cycleId =>
    {
        await workflow.ReopenAsync(cycleId, Category, Reason, ct);
        Flash = "已撤销入围名单的确定，可以重新评议。";
    }, ct);

    private Task<IActionResult> OfficeAsync(Func<Guid, Task> work, CancellationToken ct) => ActAsync(async cycleId =>
    {
        if (!User.IsOffice()) return Forbid();
        await work(cycleId);
        return null;
    }, ct);

    private async Task<IActionResult> ActAsync(Func<Guid, Task<IActionResult?>> work, CancellationToken ct)
    {
        var cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        if (cycle is null) return NotFound();
        return await work(cycle.Id) ?? RedirectToPage(new { cycleId = cycle.Id, category = Category });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        Cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        IsOffice = User.IsOffice();
        if (Cycle is null) return;
        Decision = await db.Set<ShortlistDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.CycleId == Cycle.Id && d.Category == Category, ct);
        // A final selection shows the figures it was made on, whatever the sheets say today.
        Ranking = Decision is { IsFinal: true, RankingSnapshotId: { } pinned } && await ranking.VersionAsync(pinned, ct) is { } kept
            ? kept : await ranking.ReadAsync(Cycle.Id, ct);
        var full = Ranking?.Board.For(Category);
        Board = IsOffice || Ranking is null ? full : (await workflow.ForCommitteeAsync(Ranking.Board, ct)).For(Category);
        Members = await ShortlistQueries.MembersAsync(db, Cycle.Id, ct);
        var ids = Board?.Rows.Select(r => r.ApplicationId).ToList() ?? [];
        var conflicts = (await ShortlistQueries.ConflictsAsync(db, Cycle.Id, ct)).Where(c => ids.Contains(c.ApplicationId)).ToList();
        Conflicts = IsOffice ? conflicts : conflicts.Where(c => c.MemberId == UserId).ToList();
        if (IsOffice) Tally = await ShortlistQueries.TallyAsync(db, Cycle.Id, ids, Members.Count, ct);
        MyVotes = await db.Set<ShortlistVote>().AsNoTracking().Where(v => v.CycleId == Cycle.Id && v.MemberId == UserId)
            .ToDictionaryAsync(v => v.ApplicationId, ct);
        Candidates = full?.Rows.Where(r => r.ConsensusPoints is not null).Select(r => (r.ApplicationId, r.Name)).OrderBy(c => c.Name).ToList() ?? [];
        DecisionVersion = Decision?.Version ?? 0;
        if (IsOffice && Decision is { IsFinal: false }) Unfinished = await workflow.UnfinishedAsync(Cycle.Id, Category, ct);
    }

    /// <summary>The confirmation asked before finalising: what happens and to whom, with the counts.</summary>
    public string FinaliseConfirm
    {
        get
        {
            var entries = Decision?.Entries ?? [];
            var selected = entries.Where(e => e.Selected).Select(e => ApplicationName(e.ApplicationId)).ToList();
            var text = $"将确定{Cycle.CategoryDisplay(Category)}入围名单：{selected.Count} 家入围现场评审（{string.Join("、", selected)}），" +
                       $"{entries.Count - selected.Count} 家未入围，将向其发放资料评审反馈报告。";
            if (Unfinished.Count > 0) text += $"另有 {Unfinished.Count} 项尚未完成的申报将被留出（须逐项填写原因）。";
            return text + "确定后投票和结果锁定，确定吗？";
        }
    }

    public bool IRecused(Guid applicationId) => Conflicts.Any(c => c.ApplicationId == applicationId && c.MemberId == UserId);

    public ShortlistEntry? EntryFor(Guid applicationId) => Decision?.Entries.FirstOrDefault(e => e.ApplicationId == applicationId);

    public string MemberName(string id) => Members.FirstOrDefault(m => m.UserId == id)?.Name ?? "（已不在评审委员会）";

    public string ApplicationName(Guid id) => Candidates.FirstOrDefault(c => c.Id == id).Name ?? "";

    public string Now => Infrastructure.Time.ChinaTime.Format(clock.GetUtcNow());
}
