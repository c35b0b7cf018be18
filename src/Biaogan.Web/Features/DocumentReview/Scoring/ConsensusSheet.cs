using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>Where the group's consensus stands.</summary>
public enum ConsensusStatus
{
    /// <summary>讨论中 — the 组长 records the agreed percentages.</summary>
    Draft,
    /// <summary>已确认 — the consensus is final; the ranking and the feedback report use it.</summary>
    Agreed,
}

/// <summary>The group's agreed judgement of one item.</summary>
public sealed class ConsensusItem
{
    public string ItemCode { get; set; } = "";
    /// <summary>Agreed percentage, 0–100 in steps of 5; null while not agreed.</summary>
    public int? Percent { get; set; }
    /// <summary>How the group reached it (why it differs from the individual scores).</summary>
    public string Comment { get; set; } = "";
    public List<ReviewComment> Strengths { get; set; } = [];
    public List<ReviewComment> Opportunities { get; set; } = [];
}

/// <summary>
/// 一致性评审表 — the expert group's consensus for one application, kept beside the individual sheets.
/// Its history is the audit trail (every save records before and after).
/// </summary>
public sealed class ConsensusSheet : Entity
{
    public Guid CycleId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid GroupId { get; private set; }
    public Guid CriteriaVersionId { get; private set; }
    public ConsensusStatus Status { get; private set; } = ConsensusStatus.Draft;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? AgreedAt { get; private set; }
    /// <summary>The 组长's user id.</summary>
    public string? AgreedBy { get; private set; }
    /// <summary>Overall remarks of the group.</summary>
    public string Summary { get; set; } = "";
    public List<ConsensusItem> Items { get; private set; } = [];

    private ConsensusSheet() { }

    public ConsensusSheet(Guid cycleId, Guid applicationId, Guid groupId, Guid criteriaVersionId, IEnumerable<string> itemCodes, DateTimeOffset now)
    {
        CycleId = cycleId;
        ApplicationId = applicationId;
        GroupId = groupId;
        CriteriaVersionId = criteriaVersionId;
        Items = itemCodes.Select(c => new ConsensusItem { ItemCode = c }).ToList();
        CreatedAt = UpdatedAt = now;
        RecordAction("开始一致性评审");
    }

    public override (string Type, Guid Id) AuditSubject => ("Application", ApplicationId);

    public ConsensusItem? Item(string code) => Items.FirstOrDefault(i => i.ItemCode == code);

    public void EnsureEditable()
    {
        if (Status == ConsensusStatus.Agreed)
            throw new DomainRuleException("一致性评审结果已确认，不能再修改。如确需修改，请联系活动办公室重新开放。");
    }

    public void Touch(DateTimeOffset now)
    {
        EnsureEditable();
        UpdatedAt = now;
        RecordAction("保存一致性评审");
    }

    /// <summary>
    /// Records the group's percentages, comments and strengths/opportunities; the audit line names the items whose
    /// percentage changed (“1.1 60%→65%”), so the history shows how the consensus moved.
    /// </summary>
    public void Record(IEnumerable<ConsensusItem> items, string summary, DateTimeOffset now)
    {
        EnsureEditable();
        var changes = new List<string>();
        foreach (var posted in items)
        {
            var item = Item(posted.ItemCode)
                ?? throw new DomainRuleException($"一致性评审表中没有条目“{posted.ItemCode}”，请刷新页面后再保存。");
            ScorePercent.Check(posted.Percent, posted.ItemCode);
            if (item.Percent != posted.Percent)
                changes.Add($"{item.ItemCode} {(item.Percent is { } a ? a + "%" : "未填")}→{(posted.Percent is { } b ? b + "%" : "未填")}");
            item.Percent = posted.Percent;
            var comment = (posted.Comment ?? "").Trim();
            if (comment.Length > ScorePercent.MaxCommentLength)
                throw new DomainRuleException($"条目 {posted.ItemCode} 的一致性说明不超过 {ScorePercent.MaxCommentLength} 字，请精简。");
            item.Comment = comment;
            item.Strengths = ScorePercent.Clean(posted.Strengths);
            item.Opportunities = ScorePercent.Clean(posted.Opportunities);
        }
        Summary = (summary ?? "").Trim();
        if (Summary.Length > 4000) throw new DomainRuleException("总体意见不超过 4000 字，请精简。");
        UpdatedAt = now;
        RecordAction(changes.Count == 0 ? "保存一致性评审" : "保存一致性评审：" + string.Join("，", changes.Take(12)) + (changes.Count > 12 ? " 等" : ""));
    }

    public void Agree(string userId, DateTimeOffset now)
    {
        EnsureEditable();
        var missing = Items.Where(i => i.Percent is null).Select(i => i.ItemCode).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException($"还有 {missing.Count} 个条目没有一致性得分率（{string.Join("、", missing.Take(5))}{(missing.Count > 5 ? " 等" : "")}），请全部填写后再确认。");
        Status = ConsensusStatus.Agreed;
        AgreedAt = UpdatedAt = now;
        AgreedBy = userId;
        RecordAction("确认一致性评审结果");
    }

    /// <summary>The office reopens an agreed consensus, with a reason (audited).</summary>
    public void Reopen(string reason, DateTimeOffset now)
    {
        if (Status != ConsensusStatus.Agreed) throw new DomainRuleException("一致性评审尚未确认，无需重新开放。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写重新开放一致性评审的原因。");
        Status = ConsensusStatus.Draft;
        AgreedAt = null;
        AgreedBy = null;
        UpdatedAt = now;
        RecordAction($"活动办公室重新开放一致性评审：{reason.Trim()}");
    }
}
