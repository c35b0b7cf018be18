namespace Biaogan.Web.Features.Applications.Gates;

/// <summary>The review committee's stage work reports (第九条: 资料评审阶段工作报告、现场评审工作报告).</summary>
public enum StageReportKind
{
    /// <summary>资料评审阶段工作报告 — 审议 before a shortlist is final.</summary>
    DocumentReview,
    /// <summary>现场评审工作报告 — 审议 before the recommended list is final.</summary>
    OnSite,
}

/// <summary>
/// Hook for the shortlist and 综合评价 (docs/decisions/0043): before a list is made final they ask whether the review
/// committee has 审议 the stage's work report on the current data. The StageReports feature, a higher layer, answers.
/// </summary>
public interface IStageReportGate
{
    /// <summary>Throws a DomainRuleException naming what is missing (no report, stale data, members not yet responded).</summary>
    Task EnsureDeliberatedAsync(Guid cycleId, StageReportKind kind, CancellationToken ct);
}

public static class StageReportKindText
{
    public static string Display(this StageReportKind kind) =>
        kind == StageReportKind.DocumentReview ? "资料评审阶段工作报告" : "现场评审工作报告";
}
