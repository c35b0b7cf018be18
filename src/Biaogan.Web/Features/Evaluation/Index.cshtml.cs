using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>
/// 综合评价 (第二十条): document and on-site results side by side with the weighted score; members vote (except where they
/// stand aside); the office records the outcome with votes and reasons and finalises it within the quota (第五条).
/// </summary>
[Authorize(Policy = Policies.ReviewCommittee)]
public sealed class IndexModel(AppDbContext db, EvaluationWorkflow workflow) : AppPageModel
{
    public sealed class OutcomeRow
    {
        public Guid ApplicationId { get; set; }
        public bool Recommended { get; set; }
        public int? Order { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }
    [BindProperty(SupportsGet = true)] public AwardCategory Category { get; set; } = AwardCategory.Enterprise;
    [BindProperty] public Guid? ApplicationId { get; set; }
    [BindProperty] public bool Recommend { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? MemberId { get; set; }
    [BindProperty] public List<OutcomeRow> Outcome { get; set; } = [];
    [BindProperty] public string? NoneReason { get; set; }
    [BindProperty] public int DecisionVersion { get; set; }
    /// <summary>Reasons for leaving unfinished applications out of the category's list (the gate).</summary>
    [BindProperty] public List<Applications.Gates.LeftOutRow> LeftOut { get; set; } = [];
    public IReadOnlyList<Applications.Gates.UnfinishedApplication> Unfinished { get; private set; } = [];
    public Applications.Gates.LeftOutFields Gate => new(Unfinished, "确定推荐名单");

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public Cycle? Cycle { get; private set; }
    public EvaluationBoard? Board { get; private set; }
    public EvaluationDecision? Decision { get; private set; }
    public bool IsOffice { get; private set; }
    public string UserId => User.UserId();
    public IReadOnlyList<CommitteeMember> Members { get; private set; } = [];
    public IReadOnlyList<CommitteeConflict> Conflicts { get; private set; } = [];
    public Dictionary<Guid, EvaluationTally> Tally { get; private set; } = [];
    public Dictionary<Guid, EvaluationVote> MyVotes { get; private set; } = [];
    /// <summary>Recommended on the finalised lists of the other categories (for the quota line).</summary>
    public int OthersRecommended { get; private set; }

    /// <summary>The vote table's filters (the category is the tab), page and order.</summary>
    public RankingFilter Filter { get; private set; } = new();
    public ListQuery List { get; private set; } = new();
    public ListView? Paging { get; private set; }
    /// <summary>The committee member's page of the board (the office's outcome form lists every row).</summary>
    public IReadOnlyList<EvaluationRow> Rows { get; private set; } = [];

    public Task OnGetAsync(RankingFilter filter, ListQuery list, CancellationToken ct)
    {
        (Filter, List) = (filter, list);
        return LoadAsync(ct);
    }

    /// <summary>The route values of the vote table as shown (forms posted from it come back to it).</summary>
    public Dictionary<string, string> Here() => Paging?.At(Paging.Page) ?? new() { ["cycleId"] = Cycle?.Id.ToString() ?? "", ["category"] = Category.ToString() };

    /// <summary>The side-by-side table as an Excel workbook for the committee meeting (office only).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.IsOffice()) return Forbid();
        var cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        if (cycle is null) return NotFound();
        var boards = new List<EvaluationBoard>();
        foreach (var c in Enum.GetValues<AwardCategory>()) boards.Add(await workflow.BoardAsync(cycle, c, ct));
        return File(EvaluationExcel.Write(cycle, boards), EvaluationExcel.ContentType, $"{cycle.Year}年度综合评价对照表.xlsx");
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public Task<IActionResult> OnPostVoteAsync(CancellationToken ct) => ActAsync(async cycle =>
    {
        if (!User.IsReviewCommittee()) return Forbid();
        if (ApplicationId is not { } id) return NotFound();
        await workflow.VoteAsync(cycle, Category, id, UserId, Recommend, Reason, ct);
        Flash = $"已保存您的投票（{(Recommend ? "推荐" : "不推荐")}）。";
        return null;
    }, ct);

    public Task<IActionResult> OnPostDeclareAsync(CancellationToken ct) => ActAsync(async cycle =>
    {
        var office = User.IsOffice();
        if (!office && !User.IsReviewCommittee()) return Forbid();
        if (ApplicationId is not { } id) return NotFound();
        await workflow.DeclareConflictAsync(cycle, Category, id, office ? MemberId ?? "" : UserId,
            office ? CommitteeConflictSource.OfficeRecorded : CommitteeConflictSource.MemberDeclared, Reason, UserId, ct);
        Flash = office ? "已登记该委员的回避，该委员看不到这项申报的成绩，也不参加投票。" : "已登记您的回避，您不再看到这项申报的成绩，也不参加投票。";
        return null;
    }, ct);

    public Task<IActionResult> OnPostRecordAsync(CancellationToken ct) => OfficeAsync(async cycle =>
    {
        var order = Outcome.Where(o => o.Recommended).OrderBy(o => o.Order ?? int.MaxValue).Select(o => o.ApplicationId).ToList();
        await workflow.RecordAsync(cycle, Category, Outcome.Select(o => new EvaluationOutcome(o.ApplicationId, o.Recommended, o.Reason)).ToList(),
            order, NoneReason, DecisionVersion, ct);
        Flash = "已保存综合评价结果。确认无误后，请点击“确定推荐名单”。";
    }, ct);

    public Task<IActionResult> OnPostFinaliseAsync(CancellationToken ct) => OfficeAsync(async cycle =>
    {
        await workflow.FinaliseAsync(cycle, Category, UserId, DecisionVersion, ct, Applications.Gates.LeftOutRow.Reasons(LeftOut));
        Flash = $"{Biaogan.Web.Features.Cycles.Cycle.CategoryDisplay(Category)}获奖组织推荐名单已确定。";
    }, ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => OfficeAsync(async cycle =>
    {
        await workflow.ReopenAsync(cycle, Category, Reason, DecisionVersion, ct);
        Flash = "已撤销推荐名单的确定，可以重新评议。";
    }, ct);

    private Task<IActionResult> OfficeAsync(Func<Cycle, Task> work, CancellationToken ct) => ActAsync(async cycle =>
    {
        if (!User.IsOffice()) return Forbid();
        await work(cycle);
        return null;
    }, ct);

    private async Task<IActionResult> ActAsync(Func<Cycle, Task<IActionResult?>> work, CancellationToken ct)
    {
        var cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        if (cycle is null) return NotFound();
        if (await work(cycle) is { } result) return result;
        var values = Request.Query.Where(kv => kv.Key is not ("handler" or "cycleId" or "category"))
            .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString())).ToList();
        values.InsertRange(0, [new("cycleId", cycle.Id.ToString()), new("category", Category.ToString())]);
        return Redirect("/Evaluation" + QueryString.Create(values));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        Cycle = await RankingQueries.CycleAsync(db, CycleId, ct);
        IsOffice = User.IsOffice();
        if (Cycle is null) return;
        var board = await workflow.BoardAsync(Cycle, Category, ct);
        var ids = board.Rows.Select(r => r.ApplicationId).ToHashSet();
        var conflicts = (await ShortlistQueries.ConflictsAsync(db, Cycle.Id, ct)).Where(c => ids.Contains(c.ApplicationId)).ToList();
        Conflicts = IsOffice ? conflicts : conflicts.Where(c => c.MemberId == UserId).ToList();
        // A member never sees the scores of an application they stand aside from.
        Board = IsOffice ? board : board.Without(Conflicts.Select(c => c.ApplicationId).ToHashSet());
        Decision = await db.Set<EvaluationDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.CycleId == Cycle.Id && d.Category == Category, ct);
        Members = await ShortlistQueries.MembersAsync(db, Cycle.Id, ct);
        if (IsOffice) Tally = await workflow.TallyAsync(Cycle.Id, ids, ct);
        MyVotes = await db.Set<EvaluationVote>().AsNoTracking().Where(v => v.CycleId == Cycle.Id && v.MemberId == UserId)
            .ToDictionaryAsync(v => v.ApplicationId, ct);
        OthersRecommended = await workflow.OthersRecommendedAsync(Cycle.Id, Category, ct);
        DecisionVersion = Decision?.Version ?? 0;
        if (IsOffice && Decision is not { Status: EvaluationStatus.Finalised })
            Unfinished = await EvaluationGate.UnfinishedAsync(db, Cycle.Id, Category, ids, ct);
        if (IsOffice) { Rows = Board.Rows; return; }
        Filter.Category = Category.ToString();
        foreach (var (field, messages) in Filter.Errors(RankingNames.AllShown, [Category])) ModelState.AddModelError(field, messages[0]);
        var page = await EvaluationList.PageAsync(db, Board, ModelState.IsValid ? Filter : new RankingFilter(), List, ct);
        Rows = page.Items;
        var routes = Filter.RouteValues();
        routes["cycleId"] = Cycle.Id.ToString();
        Paging = ListView.Of(page, EvaluationList.Sorts, List, routes);
    }

    /// <summary>The confirmation asked before finalising: what happens and to whom, with the counts.</summary>
    public string FinaliseConfirm
    {
        get
        {
            var recommended = Decision?.Entries.Where(e => e.Recommended).Select(e => ApplicationName(e.ApplicationId)).ToList() ?? [];
            var text = recommended.Count == 0
                ? $"将确定{Biaogan.Web.Features.Cycles.Cycle.CategoryDisplay(Category)}本年度无推荐。"
                : $"将确定{Biaogan.Web.Features.Cycles.Cycle.CategoryDisplay(Category)}推荐名单：向审定推荐 {recommended.Count} 家（{string.Join("、", recommended)}），名单将进入公示。";
            if (Unfinished.Count > 0) text += $"另有 {Unfinished.Count} 项尚未完成的申报将被留出（须逐项填写原因）。";
            return text + "确定后投票和结果锁定，确定吗？";
        }
    }

    public bool IRecused(Guid applicationId) => Conflicts.Any(c => c.ApplicationId == applicationId && c.MemberId == UserId);

    public EvaluationEntry? EntryFor(Guid applicationId) => Decision?.Entries.FirstOrDefault(e => e.ApplicationId == applicationId);

    public string MemberName(string id) => Members.FirstOrDefault(m => m.UserId == id)?.Name ?? "（已不在评审委员会）";

    public string ApplicationName(Guid id) => Board?.Rows.FirstOrDefault(r => r.ApplicationId == id)?.Name ?? "";
}
