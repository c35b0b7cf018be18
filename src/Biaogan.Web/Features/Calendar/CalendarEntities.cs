using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Calendar;

/// <summary>A year's holiday notice (国务院办公厅关于某年部分节假日安排的通知) as loaded or entered.</summary>
public sealed class CalendarYear : Entity
{
    public int Year { get; set; }
    /// <summary>Whether the State Council notice for the year is in (otherwise Monday–Friday, unconfirmed).</summary>
    public bool Published { get; set; }
    /// <summary>Notice URLs or document numbers, one per line.</summary>
    public string Papers { get; set; } = "";
    /// <summary>Where the data came from: 内置数据 (holiday-cn), 文件导入, 办公室录入.</summary>
    public string Source { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Records that the year's notice has been loaded (or, for an empty notice, that it is still awaited).</summary>
    public void RecordNotice(bool published, IEnumerable<string> papers, string source, DateTimeOffset now)
    {
        Published = published;
        Papers = string.Join('\n', papers.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()));
        Source = source;
        UpdatedAt = now;
        RecordAction(published ? $"导入{Year}年节假日安排（{source}）" : $"登记{Year}年节假日安排尚未发布");
    }
}

/// <summary>How the office corrects one day (更正某日).</summary>
public enum DayCorrection
{
    /// <summary>放假</summary>
    Off,
    /// <summary>上班（含周末调休上班）</summary>
    Working,
    /// <summary>按常规：周一至周五上班，周六、周日休息</summary>
    Normal,
}

/// <summary>A day that differs from the Monday–Friday rule: a day off, or a weekend working day (调休上班).</summary>
public sealed class CalendarDay : Entity
{
    public const string NormalName = "按常规";

    public DateOnly Date { get; set; }
    public bool IsOffDay { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The notice year this day was published under (may differ from Date.Year).</summary>
    public int NoticeYear { get; set; }
    /// <summary>Set when the office corrected the day by hand; the reason is kept.</summary>
    public string? CorrectionNote { get; set; }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>放假 / 调休上班 / 上班 / 休息 — what the day is, in the notice's words.</summary>
    public string KindDisplay => IsOffDay
        ? (IsWeekend(Date) && Name == NormalName ? "休息" : "放假")
        : (IsWeekend(Date) ? "调休上班" : "上班");

    /// <summary>Takes the day as a notice publishes it; a new notice supersedes any earlier hand correction.</summary>
    public void ApplyNotice(int noticeYear, bool isOffDay, string name)
    {
        if (NoticeYear == noticeYear && IsOffDay == isOffDay && Name == name && CorrectionNote is null) return;
        NoticeYear = noticeYear;
        IsOffDay = isOffDay;
        Name = name;
        CorrectionNote = null;
        RecordAction($"按{noticeYear}年通知设置 {ChinaTime.Format(Date)} 为{(isOffDay ? "放假" : "上班")}");
    }

    /// <summary>The office's hand correction of one day, with the reason kept beside it.</summary>
    public void Correct(DayCorrection correction, string? name, string note)
    {
        if (string.IsNullOrWhiteSpace(note))
            throw new Infrastructure.Errors.DomainRuleException("请填写更正说明（例如依据的通知文号或更正原因），以便日后核对。");
        (IsOffDay, Name) = correction switch
        {
            DayCorrection.Off => (true, string.IsNullOrWhiteSpace(name) ? (Name is "" or NormalName ? "放假" : Name) : name.Trim()),
            DayCorrection.Working => (false, string.IsNullOrWhiteSpace(name) ? (Name is "" or NormalName ? "上班" : Name) : name.Trim()),
            _ => (IsWeekend(Date), NormalName),
        };
        CorrectionNote = note.Trim();
        var what = correction switch { DayCorrection.Off => "放假", DayCorrection.Working => "上班", _ => "按常规计算" };
        RecordAction($"更正 {ChinaTime.Format(Date)} 为{what}");
    }
}
