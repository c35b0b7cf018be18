using System.Text.Json;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Cycles;

/// <summary>
/// 第七条: what the leading group has decided about this cycle. The decisions themselves (who, when, votes, reason) are
/// recorded by the Governance feature, which calls these methods; the cycle keeps only the facts its own rules need —
/// it cannot open before its rules and quota are approved, expert-group plans need the leading group unless it
/// delegated them to the office, and scoring on 待核定 criteria needs the leading group's confirmation.
/// </summary>
public sealed partial class Cycle
{
    /// <summary>When the leading group approved the rules and quota as they now stand (null = not approved).</summary>
    public DateTimeOffset? RulesApprovedAt { get; private set; }
    public string? RulesApprovedBy { get; private set; }
    /// <summary>When the leading group delegated the expert groups' plans of this cycle to the office (null = not delegated).</summary>
    public DateTimeOffset? ExpertGroupsDelegatedAt { get; private set; }
    public string? ExpertGroupsDelegatedBy { get; private set; }
    /// <summary>When the leading group confirmed that scoring may open on criteria whose points are still 待核定.</summary>
    public DateTimeOffset? PlaceholderScoringConfirmedAt { get; private set; }
    public string? PlaceholderScoringConfirmedBy { get; private set; }
    public string? PlaceholderScoringReason { get; private set; }

    public bool RulesApproved => RulesApprovedAt is not null;

    public bool ExpertGroupsDelegated => ExpertGroupsDelegatedAt is not null;

    public bool PlaceholderScoringConfirmed => PlaceholderScoringConfirmedAt is not null;

    /// <summary>The leading group approved the cycle's rules and quota (第七条).</summary>
    public void ApproveRules(string by, DateTimeOffset now)
    {
        EnsureEditable();
        RulesApprovedAt = now;
        RulesApprovedBy = by;
        RecordAction($"领导小组核准本年度活动规则和标杆数量（{Quota} 个）");
    }

    /// <summary>The leading group let the office decide the expert groups' plans of this cycle.</summary>
    public void DelegateExpertGroups(string by, DateTimeOffset now)
    {
        EnsureEditable();
        ExpertGroupsDelegatedAt = now;
        ExpertGroupsDelegatedBy = by;
        RecordAction("领导小组授权活动办公室决定本年度专家组分配方案");
    }

    /// <summary>The leading group confirmed that scoring may open although the criteria's points are still 待核定.</summary>
    public void ConfirmPlaceholderScoring(string by, string reason, DateTimeOffset now)
    {
        EnsureEditable();
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("请填写领导小组同意按待核定分值开展资料评审的理由。");
        PlaceholderScoringConfirmedAt = now;
        PlaceholderScoringConfirmedBy = by;
        PlaceholderScoringReason = reason.Trim();
        RecordAction($"领导小组确认按待核定分值开展资料评审（理由：{PlaceholderScoringReason}）");
    }

    /// <summary>The rules are in force only once approved; opening for applications checks this.</summary>
    public void EnsureRulesApproved()
    {
        if (!RulesApproved)
            throw new DomainRuleException($"{Year}年度活动的规则和标杆数量尚未经领导小组核准（第七条），不能开启申报。" +
                "请在“领导小组决定”页面提交核准，领导小组批准后再开启。");
    }

    /// <summary>
    /// The office changed the rules after they were approved: while the cycle is in preparation the approval lapses and
    /// the rules go to the leading group again. Once open, changes stay audited but do not close the cycle again.
    /// </summary>
    private void RulesChanged()
    {
        if (Status != CycleStatus.Draft || RulesApprovedAt is null) return;
        RulesApprovedAt = null;
        RulesApprovedBy = null;
        RecordAction("修改了已核准的规则或标杆数量，须重新报领导小组核准");
    }

    /// <summary>What the leading group approves: quota, standards and every setting (stage dates are the office's plan).</summary>
    public string RulesFingerprint() =>
        JsonSerializer.Serialize(new { Quota, StandardCode, MeasurementStandard, Settings });
}
