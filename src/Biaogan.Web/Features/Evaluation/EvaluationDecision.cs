using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Evaluation;

/// <summary>Where the review committee's 综合评价 of one category stands.</summary>
public enum EvaluationStatus
{
    /// <summary>评议中 — members vote; the office may record the outcome.</summary>
    Deliberating,
    /// <summary>已确定 — the category's recommended list is final; 公示 starts from it.</summary>
    Finalised,
}

/// <summary>The committee's outcome for one application in 综合评价.</summary>
public sealed class EvaluationEntry
{
    public Guid ApplicationId { get; set; }
    public bool Recommended { get; set; }
    /// <summary>Order on the recommended list (1 = first); null when not recommended.</summary>
    public int? Rank { get; set; }
    /// <summary>The weighted score the committee saw (资料评审 × w + 现场评审 × (1 − w)), for the record.</summary>
    public decimal? CombinedScore { get; set; }
    public int VotesFor { get; set; }
    public int VotesAgainst { get; set; }
    /// <summary>Members who stood aside (回避) for a conflict of interest.</summary>
    public int Recused { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>
/// 综合评价 (第二十条) of one category of one cycle: the review committee analyses the document and on-site results and
/// records its recommended list (获奖组织推荐名单) with votes and reasons. “None in this category” is a valid outcome
/// with a reason. The cycle quota (第五条) is enforced across categories when a category is finalised.
/// </summary>
public sealed class EvaluationDecision : Entity
{
    public Guid CycleId { get; private set; }
    public AwardCategory Category { get; private set; }
    public EvaluationStatus Status { get; private set; } = EvaluationStatus.Deliberating;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RecordedAt { get; private set; }
    public DateTimeOffset? FinalisedAt { get; private set; }
    public string? FinalisedBy { get; private set; }
    /// <summary>Why no organisation of the category is recommended (required when none is).</summary>
    public string NoneReason { get; private set; } = "";
    public List<EvaluationEntry> Entries { get; private set; } = [];
    /// <summary>The side-by-side figures the list was finalised on, as JSON (<see cref="EvaluationFigures"/>); null until final.</summary>
    public string? Figures { get; private set; }

    private EvaluationDecision() { }

    public EvaluationDecision(Guid cycleId, AwardCategory category, DateTimeOffset now)
    {
        CycleId = cycleId;
        Category = category;
        CreatedAt = now;
        RecordAction($"开始{Cycle.CategoryDisplay(category)}综合评价");
    }

    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    public bool IsFinal => Status == EvaluationStatus.Finalised;

    public int RecommendedCount => Entries.Count(e => e.Recommended);

    public void EnsureOpen()
    {
        if (IsFinal)
            throw new DomainRuleException($"{Cycle.CategoryDisplay(Category)}推荐名单已确定，不能再投票或修改。如确需调整，请活动办公室先撤销确定。");
    }

    /// <summary>
    /// The office records the committee's outcome: per application recommended or not, with a reason; the recommended
    /// ones are ranked 1..n in the given order. When none is recommended, <paramref name="noneReason"/> is required.
    /// </summary>
    public void Record(IReadOnlyList<EvaluationEntry> entries, string noneReason, DateTimeOffset now)
    {
        EnsureOpen();
        var missing = entries.Count(e => string.IsNullOrWhiteSpace(e.Reason));
        if (missing > 0) throw new DomainRuleException($"还有 {missing} 项申报没有填写评审委员会的理由，请逐项填写后再保存。");
        var recommended = entries.Where(e => e.Recommended).ToList();
        if (recommended.Count == 0 && string.IsNullOrWhiteSpace(noneReason))
            throw new DomainRuleException($"{Cycle.CategoryDisplay(Category)}本次不推荐任何组织时，请填写“本类别无推荐”的理由。");
        var rank = 0;
        Entries = entries.Select(e => new EvaluationEntry
        {
            ApplicationId = e.ApplicationId, Recommended = e.Recommended, Rank = e.Recommended ? ++rank : null,
            CombinedScore = e.CombinedScore, VotesFor = e.VotesFor, VotesAgainst = e.VotesAgainst, Recused = e.Recused,
            Reason = e.Reason.Trim(),
        }).ToList();
        NoneReason = recommended.Count == 0 ? noneReason.Trim() : "";
        RecordedAt = now;
        RecordAction(recommended.Count == 0
            ? $"记录{Cycle.CategoryDisplay(Category)}综合评价结果：本类别无推荐（{NoneReason}）"
            : $"记录{Cycle.CategoryDisplay(Category)}综合评价结果（推荐 {recommended.Count} 个）");
    }

    /// <summary>
    /// Makes the category's list final. <paramref name="recommendedInOtherCategories"/> is the number already on the
    /// finalised lists of the other categories; together they may not exceed the cycle's <paramref name="quota"/> (第五条).
    /// </summary>
    public void Finalise(string userId, int recommendedInOtherCategories, int quota, DateTimeOffset now, string? figures = null)
    {
        EnsureOpen();
        if (RecordedAt is null)
            throw new DomainRuleException("请先记录评审委员会的综合评价结果（逐项是否推荐及理由，或本类别无推荐的理由），再确定推荐名单。");
        var total = recommendedInOtherCategories + RecommendedCount;
        if (total > quota)
            throw new DomainRuleException(
                $"本年度标杆数量上限为 {quota} 个（第五条），已确定的其他类别推荐 {recommendedInOtherCategories} 个，" +
                $"本类别推荐 {RecommendedCount} 个，合计 {total} 个，超出 {total - quota} 个。请评审委员会减少推荐后重新记录。");
        Status = EvaluationStatus.Finalised;
        FinalisedAt = now;
        FinalisedBy = userId;
        Figures = figures;
        RecordAction(RecommendedCount == 0
            ? $"确定{Cycle.CategoryDisplay(Category)}推荐名单：本类别无推荐"
            : $"确定{Cycle.CategoryDisplay(Category)}获奖组织推荐名单（{RecommendedCount} 个）");
    }

    /// <summary>
    /// 第二十九条: the organisation's qualification was withdrawn, so the application leaves the recommended list (final or
    /// not) — not recommended, without a rank, with the reason.
    /// </summary>
    public bool Exclude(Guid applicationId, string reason)
    {
        var e = Entries.FirstOrDefault(x => x.ApplicationId == applicationId);
        if (e is null) return false;
        e.Recommended = false;
        e.Rank = null;
        e.Reason = reason;
        RecordAction($"撤出推荐名单（资格已撤销）：{reason}");
        return true;
    }

    /// <summary>The office withdraws a finalised list to correct it, with a reason (audited).</summary>
    public void Reopen(string reason)
    {
        if (!IsFinal) throw new DomainRuleException("推荐名单尚未确定，无需撤销。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写撤销确定的原因。");
        Status = EvaluationStatus.Deliberating;
        FinalisedAt = null;
        FinalisedBy = null;
        Figures = null;
        RecordAction($"撤销{Cycle.CategoryDisplay(Category)}推荐名单的确定：{reason.Trim()}");
    }
}
