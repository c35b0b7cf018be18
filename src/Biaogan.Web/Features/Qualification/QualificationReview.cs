using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Qualification;

/// <summary>The office's verdict and note on one checklist item of one round.</summary>
public sealed class ChecklistEntry
{
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public ChecklistVerdict Verdict { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>One checklist item as the office filled it in (the verdict may still be missing).</summary>
public sealed record ChecklistInput(string Code, ChecklistVerdict? Verdict, string? Note);

/// <summary>The deadline of a 补正 request: computed in working days, or set by the office with a reason.</summary>
public sealed record SupplementTerms(DateOnly Deadline, bool Confirmed, int Workdays, DateOnly? ComputedDeadline, string? OverrideReason);

/// <summary>
/// 资格审查 (第十六条) — one round of the office's review of one application: the checklist, the outcome
/// (通过、不通过 or 补正) and, for 补正, the deadline and when the organisation resubmitted. A new round
/// starts after each resubmission; every round is kept and shown to the office and the organisation.
/// </summary>
public sealed class QualificationReview : Entity
{
    public Guid ApplicationId { get; private set; }
    /// <summary>1 for the first decision, 2 after the first 补正 was resubmitted, and so on.</summary>
    public int Round { get; private set; }
    public QualificationOutcome Outcome { get; private set; }
    public List<ChecklistEntry> Items { get; private set; } = [];
    /// <summary>不通过的理由, or what is to be supplemented.</summary>
    public string Reasons { get; private set; } = "";
    public DateOnly? SupplementDeadline { get; private set; }
    /// <summary>False when the deadline was counted across a year whose holiday notice is not yet published.</summary>
    public bool SupplementDeadlineConfirmed { get; private set; } = true;
    /// <summary>Working days from the day after the decision to the deadline, both inclusive.</summary>
    public int? SupplementWorkdays { get; private set; }
    /// <summary>The computed deadline, kept when the office set another date.</summary>
    public DateOnly? ComputedDeadline { get; private set; }
    public string? DeadlineOverrideReason { get; private set; }
    public string DecidedByUserId { get; private set; } = "";
    public string DecidedByName { get; private set; } = "";
    public DateTimeOffset DecidedAt { get; private set; }
    /// <summary>When the organisation resubmitted its supplements for this round.</summary>
    public DateTimeOffset? ResubmittedAt { get; private set; }

    public override (string Type, Guid Id) AuditSubject => ("Application", ApplicationId);

    private QualificationReview() { }

    /// <summary>
    /// Records the office's decision of a round, refusing an incomplete checklist and an outcome the
    /// checklist contradicts.
    /// </summary>
    public static QualificationReview Record(Guid applicationId, int round, QualificationOutcome outcome,
        IReadOnlyList<ChecklistInput> items, string? reasons, SupplementTerms? terms, string userId, string userName, DateTimeOffset now)
    {
        var entries = Entries(items);
        var text = reasons?.Trim() ?? "";
        switch (outcome)
        {
            case QualificationOutcome.Pass when entries.FirstOrDefault(e => e.Verdict != ChecklistVerdict.Satisfied) is { } open:
                throw new DomainRuleException($"审查项“{open.Title}”的意见为“{open.Verdict.Display()}”，不能作出通过结论。请选择“补正”或“不通过”，或修改该项意见。");
            case QualificationOutcome.Fail when text.Length == 0:
                throw new DomainRuleException("请填写不通过的理由，申报组织将收到这些理由。");
            case QualificationOutcome.Fail when entries.All(e => e.Verdict == ChecklistVerdict.Satisfied):
                throw new DomainRuleException("所有审查项均为“满足”，不能作出不通过结论。请将不符合条件的审查项标为“不满足”。");
            case QualificationOutcome.Supplement when text.Length == 0:
                throw new DomainRuleException("请列明需要补正的内容，申报组织将据此补正材料。");
            case QualificationOutcome.Supplement when entries.All(e => e.Verdict != ChecklistVerdict.NeedsSupplement):
                throw new DomainRuleException("要求补正时，请至少将一个审查项标为“待补正”。");
            case QualificationOutcome.Supplement when terms is null:
                throw new DomainRuleException("要求补正时必须确定补正期限。");
        }
        var review = new QualificationReview
        {
            ApplicationId = applicationId, Round = round, Outcome = outcome, Items = entries, Reasons = text,
            DecidedByUserId = userId, DecidedByName = userName, DecidedAt = now,
        };
        if (outcome == QualificationOutcome.Supplement)
        {
            review.SupplementDeadline = terms!.Deadline;
            review.SupplementDeadlineConfirmed = terms.Confirmed;
            review.SupplementWorkdays = terms.Workdays;
            review.ComputedDeadline = terms.ComputedDeadline;
            review.DeadlineOverrideReason = terms.OverrideReason;
        }
        review.RecordAction($"第{round}轮资格审查结论：{outcome.Display()}");
        return review;
    }

    /// <summary>The organisation has resubmitted the supplements this round asked for.</summary>
    public void MarkResubmitted(DateTimeOffset now)
    {
        if (Outcome != QualificationOutcome.Supplement)
            throw new DomainRuleException($"第{Round}轮资格审查的结论是“{Outcome.Display()}”，没有要求补正。");
        if (ResubmittedAt is not null)
            throw new DomainRuleException($"第{Round}轮补正材料已于 {Infrastructure.Time.ChinaTime.Format(ResubmittedAt.Value)} 提交，无需重复提交。");
        ResubmittedAt = now;
        RecordAction($"申报组织提交第{Round}轮补正材料");
    }

    /// <summary>Whether the deadline of this round has passed on <paramref name="today"/> (China time) without a resubmission.</summary>
    public bool IsOverdue(DateOnly today) =>
        Outcome == QualificationOutcome.Supplement && ResubmittedAt is null && SupplementDeadline < today;

    private static List<ChecklistEntry> Entries(IReadOnlyList<ChecklistInput> items)
    {
        var unknown = items.Where(i => QualificationChecklist.Find(i.Code) is null).Select(i => i.Code).ToList();
        if (unknown.Count > 0)
            throw new DomainRuleException($"审查项代码“{string.Join("、", unknown)}”不存在。可用的代码：{string.Join("、", QualificationChecklist.Items.Select(i => i.Code))}。");
        var missing = QualificationChecklist.Items
            .Where(item => items.FirstOrDefault(i => i.Code == item.Code)?.Verdict is null).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException($"请对每个审查项给出意见（满足、不满足或待补正），尚未填写：{string.Join("；", missing.Select(m => m.Title))}。");
        return QualificationChecklist.Items.Select(item =>
        {
            var input = items.First(i => i.Code == item.Code);
            return new ChecklistEntry { Code = item.Code, Title = item.Title, Verdict = input.Verdict!.Value, Note = input.Note?.Trim() ?? "" };
        }).ToList();
    }
}


/// <summary>How a 补正 deadline is written everywhere: “2026年12月11日（周五），10个工作日”.</summary>
public static class SupplementDeadlineText
{
    public static string Format(DateOnly deadline, int workdays) =>
        $"{Infrastructure.Time.ChinaTime.FormatWithWeekday(deadline)}，{workdays}个工作日";

    public const string UnconfirmedHint = "期限跨越尚未公布节假日安排的年份，暂按周一至周五计算；国务院公布安排后请核对。";
}

/// <summary>The rounds of an application for the rounds partial, with today's China date for overdue flags.</summary>
public sealed record RoundsView(IReadOnlyList<QualificationReview> Rounds, DateOnly Today, bool ShowDecider = false)
{
    /// <summary>Who decided: the staff member for the office, “活动办公室” for the organisation.</summary>
    public string Decider(QualificationReview r) => ShowDecider ? r.DecidedByName : "活动办公室";
}
