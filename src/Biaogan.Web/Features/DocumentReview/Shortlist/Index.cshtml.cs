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
    /// <summary>
    /// Names of the category's candidates for the conflict declaration, sorted by name (not linked to the ranking): all of
    /// them when few, else those matching <see cref="DeclareQuery"/> (at most <see cref="DeclareListLimit"/>).
    /// </summary>
    public IReadOnlyList<(Guid Id, string Name)> Candidates { get; private set; } = [];
    /// <summary>Applications of the category not through 资料评审 yet: the gate's list (office only).</summary>
    public IReadOnlyList<UnfinishedApplication> Unfinished { get; private set; } = [];
    public LeftOutFields Gate => new(Unfinished, "确定入围名单");

    /// <summary>The list's filters (the category is the tab) and which recorded outcomes to show (office: 未记录/入围/不入围).</summary>
    public RankingFilter Filter { get; private set; } = new();
    public ListQuery List { get; private set; } = new();
    public string? Recorded { get; private set; }
    public ListView? Paging { get; private set; }
    /// <summary>The candidates of the page, as the viewer may see them.</summary>
    public IReadOnlyList<RankingRow> Rows { get; private set; } = [];
    /// <summary>Applications of the category with an agreed consensus (the whole list, not the page).</summary>
    public int CandidateCount { get; private set; }
    /// <summary>Of those, how many have a recorded outcome, and how many of these are selected (the decision's figures).</summary>
    public int RecordedCount { get; private set; }
    public int SelectedCount { get; private set; }
    /// <summary>Text searched for in the conflict declaration's list of names (by name, not linked to the ranking).</summary>
    public string? DeclareQuery { get; private set; }
    /// <summary>The declaration list shows at most this many names; a longer list asks for a part of the name first.</summary>
    public const int DeclareListLimit = 50;

    public Task OnGetAsync(RankingFilter filter, ListQuery list, [FromQuery(Name = "recorded")] string? recorded,
        [FromQuery(Name = "cq")] string? declareQuery, CancellationToken ct)
    {
        (Filter, List, Recorded, DeclareQuery) = (filter, list, recorded, declareQuery);
        return LoadAsync(ct);
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        var q = Request.Query;
        Filter = new RankingFilter { Region = q["region"], Industry = q["industry"], Group = q["group"], Q = q["q"] };
        List = new ListQuery
        {
            Page = int.TryParse(q["p"], out var p) ? p : null, Size = int.TryParse(q["size"], out var n) ? n : null, Sort = q["sort"], Dir = q["dir"],
        };
        Recorded = q["recorded"];
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
        return await work(cycle.Id) ?? Redirect(Here(cycle.Id));
    }

    /// <summary>The list as it was (page, filters, order) after an action posted from it.</summary>
    private string Here(Guid cycleId)
    {
        var values = Request.Query.Where(kv => kv.Key is not ("handler" or "cycleId" or "category"))
            .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString())).ToList();
        values.InsertRange(0, [new("cycleId", cycleId.ToString()), new("category", Category.ToString())]);
        return "/DocumentReview/Shortlist" + QueryString.Create(values);
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
        Board = Ranking?.Board.For(Category);
        Members = await ShortlistQueries.MembersAsync(db, Cycle.Id, ct);
        DecisionVersion = Decision?.Version ?? 0;
        if (Board is null) return;
        var candidates = Board.Rows.Where(r => r.ConsensusPoints is not null).ToList();
        CandidateCount = candidates.Count;
        var candidateIds = candidates.Select(r => r.ApplicationId).ToHashSet();
        var entries = (Decision?.Entries ?? []).Where(e => candidateIds.Contains(e.ApplicationId)).ToDictionary(e => e.ApplicationId);
        RecordedCount = entries.Count;
        SelectedCount = entries.Values.Count(e => e.Selected);

        var names = IsOffice ? RankingNames.AllShown : await workflow.NamesAsync(Cycle.Id, [Category], ct);
        Filter.Category = Category.ToString();
        foreach (var (field, messages) in Filter.Errors(names, [Category])) ModelState.AddModelError(field, messages[0]);
        if (Recorded is { Length: > 0 } && Recorded is not ("no" or "selected" or "rejected"))
            ModelState.AddModelError("recorded", $"评议结果“{Recorded}”不存在；可选：no（未记录）、selected（入围）、rejected（不入围）。");
        var valid = ModelState.IsValid;
        Func<RankingRow, bool> only = (valid ? Recorded : null) switch
        {
            "no" => r => r.ConsensusPoints is not null && !entries.ContainsKey(r.ApplicationId),
            "selected" => r => entries.TryGetValue(r.ApplicationId, out var e) && e.Selected,
            "rejected" => r => entries.TryGetValue(r.ApplicationId, out var e) && !e.Selected,
            _ => r => r.ConsensusPoints is not null,
        };
        var page = await RankingList.PageAsync(db, Ranking!.Board, names, valid ? Filter : new RankingFilter { Category = Filter.Category }, List, only, ct);
        Rows = page.Items;
        var routes = Filter.RouteValues();
        routes["cycleId"] = Cycle.Id.ToString();
        routes["recorded"] = Recorded;
        Paging = ListView.Of(page, RankingList.Sorts, List, routes);

        var ids = Rows.Select(r => r.ApplicationId).ToList();
        // Conflicts are declared ones only (a handful per member), so the whole cycle's are read.
        var conflicts = (await ShortlistQueries.ConflictsAsync(db, Cycle.Id, ct)).Where(c => candidateIds.Contains(c.ApplicationId)).ToList();
        Conflicts = IsOffice ? conflicts : conflicts.Where(c => c.MemberId == UserId).ToList();
        if (IsOffice) Tally = await ShortlistQueries.TallyAsync(db, Cycle.Id, ids, Members.Count, ct);
        MyVotes = await db.Set<ShortlistVote>().AsNoTracking().Where(v => v.CycleId == Cycle.Id && v.MemberId == UserId && ids.Contains(v.ApplicationId))
            .ToDictionaryAsync(v => v.ApplicationId, ct);
        nameOf = candidates.ToDictionary(r => r.ApplicationId, r => r.Name);
        var declarable = candidates.Select(r => (r.ApplicationId, r.Name));
        if (DeclareQuery?.Trim() is { Length: > 0 } dq) declarable = declarable.Where(c => c.Name.Contains(dq, StringComparison.OrdinalIgnoreCase));
        else if (candidates.Count > DeclareListLimit) declarable = [];
        Candidates = declarable.OrderBy(c => c.Name, StringComparer.Ordinal).Take(DeclareListLimit).ToList();
        if (IsOffice && Decision is { IsFinal: false }) Unfinished = await workflow.UnfinishedAsync(Cycle.Id, Category, ct);
    }

    private Dictionary<Guid, string> nameOf = [];

    /// <summary>The route values of this list (for the forms that post from it and come back to it).</summary>
    public Dictionary<string, string> Here() => Paging?.At(Paging.Page) ?? new() { ["cycleId"] = Cycle?.Id.ToString() ?? "" };

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

    public string ApplicationName(Guid id) => nameOf.GetValueOrDefault(id) ?? "";

    public string Now => Infrastructure.Time.ChinaTime.Format(clock.GetUtcNow());
}
