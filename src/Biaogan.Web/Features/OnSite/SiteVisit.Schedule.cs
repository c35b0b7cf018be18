using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.OnSite;

/// <summary>Where the on-site schedule (现场评审日程) stands between the team and the organisation.</summary>
public enum ScheduleStatus
{
    /// <summary>未安排 — nobody has proposed a schedule yet.</summary>
    None,
    /// <summary>待组织确认 — the office or the 组长 proposed it; the organisation agrees or asks for a change.</summary>
    Proposed,
    /// <summary>组织要求调整 — the organisation asked for a change, with a comment.</summary>
    ChangeRequested,
    /// <summary>已确认 — the organisation agreed; the visit starts.</summary>
    Agreed,
}

/// <summary>One line of the agenda (日程安排): when, what, who takes part.</summary>
public sealed class AgendaItem
{
    /// <summary>日期时间, as written (e.g. “第一天 09:00—10:00”).</summary>
    public string Time { get; set; } = "";
    /// <summary>活动内容 (首次会议、现场查看、访谈、末次会议 …).</summary>
    public string Activity { get; set; } = "";
    /// <summary>参加人员.</summary>
    public string Participants { get; set; } = "";
}

public static class ScheduleStatusText
{
    public static string Display(this ScheduleStatus s) => s switch
    {
        ScheduleStatus.Proposed => "待申报组织确认",
        ScheduleStatus.ChangeRequested => "申报组织要求调整",
        ScheduleStatus.Agreed => "已确认",
        _ => "未安排",
    };
}

public sealed partial class SiteVisit
{
    public const int MaxAgendaItems = 30, MaxSites = 10;

    public ScheduleStatus ScheduleStatus { get; private set; } = ScheduleStatus.None;
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    /// <summary>现场评审地点 (one address per entry).</summary>
    public List<string> Sites { get; private set; } = [];
    public List<AgendaItem> Agenda { get; private set; } = [];
    public DateTimeOffset? ScheduleProposedAt { get; private set; }
    /// <summary>Display name of who proposed it (活动办公室 or the 组长).</summary>
    public string? ScheduleProposedBy { get; private set; }
    public DateTimeOffset? ScheduleAnsweredAt { get; private set; }
    /// <summary>The organisation's comment when it asked for a change (kept after the next proposal for the record).</summary>
    public string? ScheduleComment { get; private set; }

    /// <summary>The office or the 组长 proposes dates, sites and agenda; the organisation is asked to agree.</summary>
    public void ProposeSchedule(DateOnly start, DateOnly end, IEnumerable<string> sites, IEnumerable<AgendaItem> agenda, string by, DateTimeOffset now)
    {
        if (Status != SiteVisitStatus.Planning || ScheduleStatus == ScheduleStatus.Agreed)
            throw new DomainRuleException("现场评审日程已与申报组织确认，不能再修改。");
        if (end < start) throw new DomainRuleException("结束日期不能早于开始日期，请检查现场评审日期。");
        if (end.DayNumber - start.DayNumber > 14) throw new DomainRuleException("现场评审一般不超过两周，请检查日期是否填写正确。");
        var cleanSites = sites.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (cleanSites.Count == 0) throw new DomainRuleException("请至少填写一个现场评审地点（地址）。");
        if (cleanSites.Count > MaxSites || cleanSites.Any(s => s.Length > 200))
            throw new DomainRuleException($"现场评审地点最多 {MaxSites} 个，每个不超过 200 字。");
        var items = agenda.Select(a => new AgendaItem { Time = a.Time.Trim(), Activity = a.Activity.Trim(), Participants = a.Participants.Trim() })
            .Where(a => a.Time.Length + a.Activity.Length + a.Participants.Length > 0).ToList();
        if (items.Count == 0) throw new DomainRuleException("请至少填写一项日程安排（时间、活动内容、参加人员）。");
        if (items.Count > MaxAgendaItems) throw new DomainRuleException($"日程安排最多 {MaxAgendaItems} 项。");
        if (items.Any(a => a.Time.Length == 0 || a.Activity.Length == 0))
            throw new DomainRuleException("每项日程安排都需要填写时间和活动内容。");
        if (items.Any(a => a.Time.Length > 60 || a.Activity.Length > 200 || a.Participants.Length > 200))
            throw new DomainRuleException("日程安排的时间不超过 60 字，活动内容和参加人员各不超过 200 字。");
        StartDate = start;
        EndDate = end;
        Sites = cleanSites;
        Agenda = items;
        ScheduleStatus = ScheduleStatus.Proposed;
        ScheduleProposedAt = now;
        ScheduleProposedBy = by;
        ScheduleAnsweredAt = null;
        RecordAction($"提出现场评审日程（{start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}）");
    }

    private void EnsureAwaitingAnswer()
    {
        if (ScheduleStatus != ScheduleStatus.Proposed)
            throw new DomainRuleException(ScheduleStatus == ScheduleStatus.Agreed
                ? "现场评审日程已确认，无需再次确认。" : "目前没有待确认的现场评审日程，请刷新页面。");
    }

    /// <summary>The organisation agrees to the proposed schedule: the visit starts.</summary>
    public void AgreeSchedule(DateTimeOffset now)
    {
        EnsureAwaitingAnswer();
        ScheduleStatus = ScheduleStatus.Agreed;
        ScheduleAnsweredAt = now;
        ScheduleComment = null;
        RecordAction("申报组织确认现场评审日程");
        Start();
    }

    /// <summary>The organisation asks for a change, saying what and why.</summary>
    public void RequestScheduleChange(string comment, DateTimeOffset now)
    {
        EnsureAwaitingAnswer();
        var text = (comment ?? "").Trim();
        if (text.Length == 0) throw new DomainRuleException("请说明需要调整的内容和原因，便于专家组重新安排。");
        if (text.Length > 2000) throw new DomainRuleException("调整意见不超过 2000 字，请精简。");
        ScheduleStatus = ScheduleStatus.ChangeRequested;
        ScheduleAnsweredAt = now;
        ScheduleComment = text;
        RecordAction($"申报组织要求调整现场评审日程：{text}");
    }

    /// <summary>
    /// Date sanity: what is verified on site (closing an issue, the report, its approval and release) cannot happen before
    /// the visit's first day (China Standard Time).
    /// </summary>
    public void EnsureVisitBegun(DateTimeOffset now, string action)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(Infrastructure.Time.ChinaTime.Offset).DateTime);
        // Without agreed dates there is no first day to compare with; the status rules keep such a visit from moving on.
        if (StartDate is { } start && today < start)
            throw new DomainRuleException($"现场评审定于 {Infrastructure.Time.ChinaTime.Format(start)} 开始，今天（{Infrastructure.Time.ChinaTime.Format(today)}）还不能{action}。请在现场评审开始后再操作。");
    }
}
