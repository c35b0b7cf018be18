using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.DocumentReview.Shortlist;

/// <summary>Where the committee's deliberation on one category stands.</summary>
public enum ShortlistStatus
{
    /// <summary>评议中 — members vote; the office may record the outcome.</summary>
    Deliberating,
    /// <summary>已确定 — the selection for on-site review is final (现场评审 starts from it).</summary>
    Finalised,
}

/// <summary>The committee's outcome for one application: selected or not, the vote count and the reason recorded.</summary>
public sealed class ShortlistEntry
{
    public Guid ApplicationId { get; set; }
    public bool Selected { get; set; }
    public int VotesFor { get; set; }
    public int VotesAgainst { get; set; }
    /// <summary>Members who had to stand aside (回避) for a conflict of interest.</summary>
    public int Recused { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>
/// 评审委员会入围决定 (第十七条) for one category of one cycle: the committee, from the 资料评审 ranking, selects the
/// applications that go on to 现场评审 (优中选优). Applicant names stay hidden from the members until the office
/// reveals them; the office records the outcome with vote counts and reasons and finalises it.
/// </summary>
public sealed class ShortlistDecision : Entity
{
    public Guid CycleId { get; private set; }
    public AwardCategory Category { get; private set; }
    public ShortlistStatus Status { get; private set; } = ShortlistStatus.Deliberating;
    public bool NamesRevealed { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevealedAt { get; private set; }
    public DateTimeOffset? RecordedAt { get; private set; }
    public DateTimeOffset? FinalisedAt { get; private set; }
    public string? FinalisedBy { get; private set; }
    /// <summary>The stored ranking version the final selection was made on (its figures stay as the committee saw them).</summary>
    public Guid? RankingSnapshotId { get; private set; }
    /// <summary>Its number (排名第几版), for the record.</summary>
    public int? RankingVersion { get; private set; }
    public List<ShortlistEntry> Entries { get; private set; } = [];

    private ShortlistDecision() { }

    public ShortlistDecision(Guid cycleId, AwardCategory category, DateTimeOffset now)
    {
        CycleId = cycleId;
        Category = category;
        CreatedAt = now;
        RecordAction($"开始评审委员会{Cycle.CategoryDisplay(category)}入围评议");
    }

    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    public bool IsFinal => Status == ShortlistStatus.Finalised;

    public void EnsureOpen()
    {
        if (IsFinal)
            throw new DomainRuleException($"{Cycle.CategoryDisplay(Category)}入围名单已确定，不能再投票或修改。如确需调整，请活动办公室先撤销确定。");
    }

    /// <summary>The office shows the applicants' names to the committee (评议结束或需要时).</summary>
    public void RevealNames(DateTimeOffset now)
    {
        if (NamesRevealed) return;
        NamesRevealed = true;
        RevealedAt = now;
        RecordAction($"向评审委员会公开{Cycle.CategoryDisplay(Category)}申报组织名称");
    }

    /// <summary>The office records the committee's outcome per application (a reason is required for each).</summary>
    public void Record(IReadOnlyList<ShortlistEntry> entries, DateTimeOffset now)
    {
        EnsureOpen();
        if (entries.Count == 0) throw new DomainRuleException("该类别暂无可评议的申报，无需记录入围结果。");
        var missing = entries.Count(e => string.IsNullOrWhiteSpace(e.Reason));
        if (missing > 0) throw new DomainRuleException($"还有 {missing} 项申报没有填写评审委员会的理由，请逐项填写后再保存。");
        Entries = entries.Select(e => new ShortlistEntry
        {
            ApplicationId = e.ApplicationId, Selected = e.Selected, VotesFor = e.VotesFor, VotesAgainst = e.VotesAgainst,
            Recused = e.Recused, Reason = e.Reason.Trim(),
        }).ToList();
        RecordedAt = now;
        RecordAction($"记录{Cycle.CategoryDisplay(Category)}入围评议结果（入围 {Entries.Count(e => e.Selected)} 项）");
    }

    /// <summary>
    /// Makes the selection final on ranking version <paramref name="rankingVersion"/> (kept: the page and the reports show
    /// its figures from now on); the feedback reports of the others can then be prepared.
    /// </summary>
    public void Finalise(string userId, DateTimeOffset now, Guid? rankingSnapshotId = null, int? rankingVersion = null)
    {
        EnsureOpen();
        if (Entries.Count == 0) throw new DomainRuleException("请先记录评审委员会的入围评议结果（逐项是否入围及理由），再确定入围名单。");
        Status = ShortlistStatus.Finalised;
        FinalisedAt = now;
        FinalisedBy = userId;
        RankingSnapshotId = rankingSnapshotId;
        RankingVersion = rankingVersion;
        RecordAction($"确定{Cycle.CategoryDisplay(Category)}现场评审入围名单" + (rankingVersion is { } v ? $"（依据资料评审排名第 {v} 版）" : ""));
    }

    /// <summary>
    /// 第二十九条: the organisation's qualification was withdrawn, so the application leaves the list (final or not) — not
    /// selected, with the reason; the rest of the list stands.
    /// </summary>
    public bool Exclude(Guid applicationId, string reason)
    {
        var e = Entries.FirstOrDefault(x => x.ApplicationId == applicationId);
        if (e is null) return false;
        e.Selected = false;
        e.Reason = reason;
        RecordAction($"撤出入围名单（资格已撤销）：{reason}");
        return true;
    }

    /// <summary>The office withdraws a finalised selection to correct it, with a reason (audited).</summary>
    public void Reopen(string reason)
    {
        if (!IsFinal) throw new DomainRuleException("入围名单尚未确定，无需撤销。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写撤销确定的原因。");
        Status = ShortlistStatus.Deliberating;
        FinalisedAt = null;
        FinalisedBy = null;
        RankingSnapshotId = null;
        RankingVersion = null;
        RecordAction($"撤销{Cycle.CategoryDisplay(Category)}入围名单的确定：{reason.Trim()}");
    }
}
