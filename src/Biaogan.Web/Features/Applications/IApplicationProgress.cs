namespace Biaogan.Web.Features.Applications;

/// <summary>One dated step of an application's way through the programme (提交, 资格审查, 入围, 公示 …).</summary>
/// <param name="At">When it happened; null for the step that is still ahead.</param>
/// <param name="Note">A short addition such as the 公示期 or the reason an outcome came about.</param>
public sealed record ProgressStep(string Label, DateTimeOffset? At, string? Note = null);

/// <summary>
/// Where an application stands across every stage (进度), derived from the facts each stage records — never stored.
/// <see cref="Status"/> is the one label the organisation, its recommending body and the office all see.
/// </summary>
/// <param name="Stage">Which stage the label belongs to, for counting per stage on the office's to-do page.</param>
/// <param name="NextStep">What happens next, in words the organisation understands; null once the way is over.</param>
/// <param name="Deadline">The organisation's own deadline, when one applies (补正期限).</param>
/// <param name="PastQualification">True once the application has gone beyond 资格审查 (it can no longer be withdrawn).</param>
public sealed record ApplicationStanding(
    string Status, string Badge, ProgressStage Stage, string? NextStep, DateTimeOffset? Deadline,
    IReadOnlyList<ProgressStep> Steps, bool PastQualification);

/// <summary>The stages an application passes, in order; the office's stage counts use them.</summary>
public enum ProgressStage
{
    Draft, Recommendation, Qualification, DocumentReview, OnSite, Evaluation, Notice, Approval, Awarded, Closed,
}

/// <summary>
/// Computes <see cref="ApplicationStanding"/>. Declared here so that the application pages can show it without
/// referencing the later stages; implemented by the Progress feature, which reads them all.
/// </summary>
public interface IApplicationProgress
{
    Task<IReadOnlyDictionary<Guid, ApplicationStanding>> StandingsAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken ct = default);
}

public static class ProgressStageText
{
    public static string Display(this ProgressStage s) => s switch
    {
        ProgressStage.Draft => "草稿",
        ProgressStage.Recommendation => "推荐",
        ProgressStage.Qualification => "资格审查",
        ProgressStage.DocumentReview => "资料评审",
        ProgressStage.OnSite => "现场评审",
        ProgressStage.Evaluation => "综合评价",
        ProgressStage.Notice => "公示",
        ProgressStage.Approval => "审定",
        ProgressStage.Awarded => "已获奖",
        _ => "已结束",
    };
}
