using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Supervision;

/// <summary>The three situations of 第二十六条.</summary>
public enum IncidentCategory
{
    /// <summary>(一) 发生重大质量、安全和环境事故</summary>
    MajorAccident,
    /// <summary>(二) 国家、行业、地区监督抽查产品或服务质量不合格</summary>
    FailedInspection,
    /// <summary>(三) 相关方的重大投诉</summary>
    MajorComplaint,
}

/// <summary>Who brought the incident to the office.</summary>
public enum IncidentSource
{
    /// <summary>获奖组织书面报告</summary>
    Organization,
    /// <summary>监管部门通报</summary>
    Regulator,
    /// <summary>媒体报道</summary>
    Media,
    /// <summary>投诉</summary>
    Complaint,
    /// <summary>其他</summary>
    Other,
}

/// <summary>
/// 第二十六条 事件: a serious incident at a benchmark, with the organisation's written report (due one calendar month after it
/// happened, <see cref="IncidentDeadlines.ReportDueOn"/>) or the office's registration of what it learned elsewhere and its
/// request for the written report by a deadline. Every incident has its case.
/// </summary>
public sealed class Incident : Entity
{
    public const int TextLength = 4000;

    public Guid CaseId { get; private set; }
    public Guid AwardId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public IncidentCategory Category { get; private set; }
    public IncidentSource Source { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    /// <summary>一个月内书面报告 (第二十六条): the due date of the written report, China Standard Time.</summary>
    public DateOnly ReportDueOn { get; private set; }
    /// <summary>What the office learned (for an incident it registered).</summary>
    public string? OfficeAccount { get; private set; }
    /// <summary>The office's deadline for the organisation's written report, when it asked for one.</summary>
    public DateOnly? RequestedBy { get; private set; }
    public DateTimeOffset? RequestedAt { get; private set; }
    /// <summary>The written report: what happened and what was done.</summary>
    public string? WhatHappened { get; private set; }
    public string? MeasuresTaken { get; private set; }
    public DateTimeOffset? ReportedAt { get; private set; }
    public string? ReportedBy { get; private set; }

    private Incident() { }

    private Incident(Guid caseId, Guid awardId, Guid organizationId, IncidentCategory category, IncidentSource source, DateOnly occurredOn,
        DateOnly today)
    {
        if (occurredOn > today) throw new DomainRuleException("事件发生日期不能晚于今天，请核对。");
        CaseId = caseId;
        AwardId = awardId;
        OrganizationId = organizationId;
        Category = category;
        Source = source;
        OccurredOn = occurredOn;
        ReportDueOn = IncidentDeadlines.ReportDueOn(occurredOn);
    }

    /// <summary>The organisation's own written report (第二十六条).</summary>
    public static Incident Reported(Guid caseId, Guid awardId, Guid organizationId, IncidentCategory category, DateOnly occurredOn,
        string? whatHappened, string? measures, string by, DateTimeOffset now)
    {
        var incident = new Incident(caseId, awardId, organizationId, category, IncidentSource.Organization, occurredOn, DateOnly.FromDateTime(now.ToChina().DateTime));
        incident.FileReport(whatHappened, measures, by, now);
        return incident;
    }

    /// <summary>An incident the office learned of elsewhere (regulator notice, media, complaint).</summary>
    public static Incident Registered(Guid caseId, Guid awardId, Guid organizationId, IncidentCategory category, IncidentSource source,
        DateOnly occurredOn, string? account, DateTimeOffset now)
    {
        if (source == IncidentSource.Organization) throw new DomainRuleException("请选择消息来源：监管部门通报、媒体报道、投诉或其他。");
        if (string.IsNullOrWhiteSpace(account)) throw new DomainRuleException("请填写了解到的情况（来源、时间、内容）。");
        var incident = new Incident(caseId, awardId, organizationId, category, source, occurredOn, DateOnly.FromDateTime(now.ToChina().DateTime))
        {
            OfficeAccount = Limit(account, "了解到的情况"),
        };
        incident.RecordAction($"登记事件（{SourceDisplay(source)}）：{CategoryDisplay(category)}，发生于 {ChinaTime.Format(occurredOn)}");
        return incident;
    }

    public bool IsReported => ReportedAt is not null;

    /// <summary>The deadline that applies: the office's, when it asked for the report; otherwise one month after it happened.</summary>
    public DateOnly DueOn => RequestedBy ?? ReportDueOn;

    /// <summary>Days the written report came (or, unreported, is) after the due date; 0 when on time.</summary>
    public int DaysLate(DateTimeOffset now) => IncidentDeadlines.DaysLate(DueOn, ReportedAt ?? now);

    public void RequestReport(DateOnly deadline, DateOnly today, DateTimeOffset now)
    {
        if (IsReported) throw new DomainRuleException("组织已提交书面报告，无需再要求报告。");
        if (deadline < today) throw new DomainRuleException("报告截止日期不能早于今天。");
        RequestedBy = deadline;
        RequestedAt = now;
        RecordAction($"要求组织在 {ChinaTime.Format(deadline)} 前提交书面报告");
    }

    public void FileReport(string? whatHappened, string? measures, string by, DateTimeOffset now)
    {
        if (IsReported) throw new DomainRuleException("该事件的书面报告已经提交。如需补充，请联系活动办公室。");
        if (string.IsNullOrWhiteSpace(whatHappened)) throw new DomainRuleException("请填写事件经过（发生了什么）。");
        if (string.IsNullOrWhiteSpace(measures)) throw new DomainRuleException("请填写已采取的措施。");
        WhatHappened = Limit(whatHappened, "事件经过");
        MeasuresTaken = Limit(measures, "已采取的措施");
        ReportedAt = now;
        ReportedBy = by;
        var late = DaysLate(now);
        RecordAction($"提交事件书面报告：{CategoryDisplay(Category)}，发生于 {ChinaTime.Format(OccurredOn)}{(late > 0 ? $"，逾期 {late} 天" : "")}");
    }

    private static string Limit(string text, string field)
    {
        var t = text.Trim();
        if (t.Length > TextLength) throw new DomainRuleException($"“{field}”请控制在 {TextLength} 字以内（当前 {t.Length} 字），详细材料请作为附件上传。");
        return t;
    }

    public static string CategoryDisplay(IncidentCategory c) => c switch
    {
        IncidentCategory.MajorAccident => "重大质量、安全和环境事故",
        IncidentCategory.FailedInspection => "监督抽查不合格",
        _ => "重大投诉",
    };

    public static string SourceDisplay(IncidentSource s) => s switch
    {
        IncidentSource.Organization => "获奖组织报告",
        IncidentSource.Regulator => "监管部门通报",
        IncidentSource.Media => "媒体报道",
        IncidentSource.Complaint => "投诉",
        _ => "其他",
    };
}

/// <summary>The deadline rules of 第二十六条, in China Standard Time.</summary>
public static class IncidentDeadlines
{
    /// <summary>
    /// “一个月内”: the same day of the next calendar month; when that month is shorter, its last day
    /// (01-31 → 02-28, or 02-29 in a leap year; 03-31 → 04-30; 12-31 → next year's 01-31). The report is on time
    /// through the whole of that day, China Standard Time.
    /// </summary>
    public static DateOnly ReportDueOn(DateOnly occurredOn) => occurredOn.AddMonths(1);

    /// <summary>Whole calendar days (China Standard Time) from the due date to <paramref name="at"/>; 0 when on or before it.</summary>
    public static int DaysLate(DateOnly dueOn, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.ToChina().DateTime);
        return Math.Max(0, day.DayNumber - dueOn.DayNumber);
    }
}
