using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Commitments;

/// <summary>
/// 年度进展报告 (第二十三条): what a winner did in one year towards its new goals — 目标进展, the year's 用户满意度 results and
/// the new quality-management practices it applied. Filed once per award and year; the due date is fixed when it is filed
/// (<see cref="ReportSchedule.DueOn"/>) so a later change of the setting does not make an old report late.
/// </summary>
public sealed class ProgressReport : Entity
{
    public const int TextLength = 4000;

    public Guid AwardId { get; private set; }
    public Guid OrganizationId { get; private set; }
    /// <summary>The year reported on.</summary>
    public int Year { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string GoalProgress { get; private set; } = "";
    public string SatisfactionResults { get; private set; } = "";
    public string NewPractices { get; private set; } = "";
    public DateTimeOffset FiledAt { get; private set; }
    public string FiledBy { get; private set; } = "";

    private ProgressReport() { }

    public ProgressReport(Guid awardId, Guid organizationId, int year, DateOnly dueOn, string? goalProgress, string? satisfaction,
        string? practices, string by, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(goalProgress)) problems.Add("请填写目标进展（质量新目标的完成情况）");
        if (string.IsNullOrWhiteSpace(satisfaction)) problems.Add("请填写本年度用户满意度测评结果");
        if (string.IsNullOrWhiteSpace(practices)) problems.Add("请填写本年度应用的质量管理新理论、新方法和新实践（没有时请写“无”）");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        AwardId = awardId;
        OrganizationId = organizationId;
        Year = year;
        DueOn = dueOn;
        GoalProgress = Text.Required(goalProgress, "目标进展", TextLength, "");
        SatisfactionResults = Text.Required(satisfaction, "用户满意度结果", TextLength, "");
        NewPractices = Text.Required(practices, "新实践", TextLength, "");
        FiledAt = now;
        FiledBy = by;
        var late = DaysLate;
        RecordAction($"提交{year}年度进展报告（截止 {ChinaTime.Format(dueOn)}{(late > 0 ? $"，逾期 {late} 天" : "，按时")}）");
    }

    /// <summary>Days after the due date it was filed; 0 when on time.</summary>
    public int DaysLate => ReportSchedule.DaysLate(DueOn, FiledAt);
}
