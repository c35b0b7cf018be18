using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.OnSite;

/// <summary>Where one application's on-site review (现场评审, 第十九条) stands.</summary>
public enum SiteVisitStatus
{
    /// <summary>筹备中 — the team is formed; the schedule is being arranged with the organisation.</summary>
    Planning,
    /// <summary>评审中 — the schedule is agreed; the team verifies the doubts and updates the scores on site.</summary>
    InProgress,
    /// <summary>组长已确认 — the 组长 approved the 现场评审报告.</summary>
    LeaderApproved,
    /// <summary>办公室已确认 — the office approved the report; the result counts in 综合评价.</summary>
    OfficeApproved,
    /// <summary>已发送 — the report is released to the organisation.</summary>
    Released,
}

/// <summary>One criteria item as the on-site team judged it: the consensus percentage it started from and the on-site one.</summary>
public sealed class OnSiteItemScore
{
    public string ItemCode { get; set; } = "";
    /// <summary>资料评审一致性得分率 (0–100) the visit started from; null when the consensus left it empty.</summary>
    public int? DocumentPercent { get; set; }
    /// <summary>现场评审得分率 (0–100, steps of 5); null while not judged.</summary>
    public int? Percent { get; set; }
    /// <summary>Why the on-site percentage differs from the document one (required when it does).</summary>
    public string Reason { get; set; } = "";
}

/// <summary>
/// 现场评审 of one application (第十九条): the team's per-item on-site scores, opinion and problems found, approved by the
/// 组长 and then the office. <see cref="DocumentScore"/> and <see cref="OnSiteScore"/> are points on the criteria
/// version's scale, fixed when the office approves; 综合评价 reads them side by side.
/// </summary>
public sealed partial class SiteVisit : Entity
{
    public Guid CycleId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid CriteriaVersionId { get; private set; }
    public SiteVisitStatus Status { get; private set; } = SiteVisitStatus.Planning;
    public DateTimeOffset CreatedAt { get; private set; }
    public List<OnSiteItemScore> Items { get; private set; } = [];
    /// <summary>现场评审意见.</summary>
    public string Opinion { get; set; } = "";
    /// <summary>存在的问题 (one per line).</summary>
    public string Problems { get; set; } = "";
    public decimal? DocumentScore { get; private set; }
    public decimal? OnSiteScore { get; private set; }
    public DateTimeOffset? LeaderApprovedAt { get; private set; }
    public string? LeaderApprovedBy { get; private set; }
    public DateTimeOffset? OfficeApprovedAt { get; private set; }
    public string? OfficeApprovedBy { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }

    private SiteVisit() { }

    public SiteVisit(Guid cycleId, Guid applicationId, Guid criteriaVersionId, IEnumerable<(string ItemCode, int? DocumentPercent)> items,
        DateTimeOffset now)
    {
        CycleId = cycleId;
        ApplicationId = applicationId;
        CriteriaVersionId = criteriaVersionId;
        Items = items.Select(i => new OnSiteItemScore { ItemCode = i.ItemCode, DocumentPercent = i.DocumentPercent }).ToList();
        CreatedAt = now;
        RecordAction("开始现场评审");
    }

    public override (string Type, Guid Id) AuditSubject => ("Application", ApplicationId);

    /// <summary>The result counts in 综合评价 once the office has approved the report.</summary>
    public bool ResultFinal => Status is SiteVisitStatus.OfficeApproved or SiteVisitStatus.Released;

    public OnSiteItemScore? Item(string code) => Items.FirstOrDefault(i => i.ItemCode == code);

    /// <summary>The schedule is agreed with the organisation: the team may start on site.</summary>
    public void Start()
    {
        if (Status != SiteVisitStatus.Planning) return;
        Status = SiteVisitStatus.InProgress;
        RecordAction("现场评审日程已确认，开始现场评审");
    }

    public void EnsureScoresEditable()
    {
        if (Status != SiteVisitStatus.InProgress)
            throw new DomainRuleException(Status == SiteVisitStatus.Planning
                ? "现场评审日程尚未与申报组织确认，暂不能记录现场评分。"
                : "现场评审报告已确认，不能再修改评分。如确需修改，请活动办公室退回报告。");
    }

    /// <summary>Records one item's on-site percentage (0–100, steps of 5) and, when it differs from the document one, why.</summary>
    public void ScoreItem(string itemCode, int percent, string reason)
    {
        EnsureScoresEditable();
        var item = Item(itemCode) ?? throw new DomainRuleException($"评分条目“{itemCode}”不在本次现场评审的条目中。");
        if (percent is < 0 or > 100 || percent % 5 != 0)
            throw new DomainRuleException($"条目 {itemCode} 的得分率应为 0 至 100 之间 5 的倍数。");
        if (percent != item.DocumentPercent && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException($"条目 {itemCode} 的现场评分与资料评审结果不同，请说明理由（现场核实的依据）。");
        var before = item.Percent;
        item.Percent = percent;
        item.Reason = reason.Trim();
        if (before != percent)
            RecordAction($"现场评分 {itemCode} {(before is null ? "—" : before + "%")}→{percent}%");
    }

    /// <summary>The 组长 approves the report: every 待核实问题 closed, every item judged and an opinion written.</summary>
    public void ApproveAsLeader(string userId, DateTimeOffset now)
    {
        EnsureScoresEditable();
        EnsureVisitBegun(now, "确认现场评审报告");
        var openIssues = Issues.Count(i => i.IsOpen);
        if (openIssues > 0) throw new DomainRuleException($"还有 {openIssues} 个待核实问题没有关闭，请逐项记录核实结果后再确认报告。");
        var open = Items.Where(i => i.Percent is null).Select(i => i.ItemCode).ToList();
        if (open.Count > 0) throw new DomainRuleException($"还有 {open.Count} 个条目没有现场评分（{string.Join("、", open.Take(5))}），请评完后再确认报告。");
        if (string.IsNullOrWhiteSpace(Opinion)) throw new DomainRuleException("请填写现场评审意见后再确认报告。");
        Status = SiteVisitStatus.LeaderApproved;
        LeaderApprovedAt = now;
        LeaderApprovedBy = userId;
        RecordAction("组长确认现场评审报告");
    }

    /// <summary>The office approves the report; the two scores (points) are fixed for 综合评价.</summary>
    public void ApproveByOffice(string userId, decimal documentScore, decimal onSiteScore, DateTimeOffset now)
    {
        if (Status != SiteVisitStatus.LeaderApproved)
            throw new DomainRuleException("现场评审报告需先由组长确认，活动办公室才能确认。");
        EnsureVisitBegun(now, "确认现场评审报告");
        Status = SiteVisitStatus.OfficeApproved;
        DocumentScore = documentScore;
        OnSiteScore = onSiteScore;
        OfficeApprovedAt = now;
        OfficeApprovedBy = userId;
        RecordAction($"活动办公室确认现场评审报告（现场评审得分 {onSiteScore:0.##}）");
    }

    /// <summary>The office sends the approved report back for correction, with a reason.</summary>
    public void Return(string reason)
    {
        if (Status is not (SiteVisitStatus.LeaderApproved or SiteVisitStatus.OfficeApproved))
            throw new DomainRuleException("只有已确认、尚未发送的现场评审报告可以退回修改。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写退回的原因。");
        Status = SiteVisitStatus.InProgress;
        DocumentScore = OnSiteScore = null;
        LeaderApprovedAt = OfficeApprovedAt = null;
        LeaderApprovedBy = OfficeApprovedBy = null;
        RecordAction($"退回现场评审报告：{reason.Trim()}");
    }

    /// <summary>The office releases the approved report to the organisation.</summary>
    public void Release(DateTimeOffset now)
    {
        if (Status != SiteVisitStatus.OfficeApproved)
            throw new DomainRuleException("现场评审报告需经活动办公室确认后才能发送给申报组织。");
        EnsureVisitBegun(now, "发送现场评审报告");
        Status = SiteVisitStatus.Released;
        ReleasedAt = now;
        RecordAction("向申报组织发送现场评审报告");
    }

    /// <summary>Records why the visit is withdrawn (the shortlist it was built on is being reopened); the record is then removed.</summary>
    public void Withdraw(string reason) => RecordAction($"撤回现场评审安排：{reason.Trim()}");
}
