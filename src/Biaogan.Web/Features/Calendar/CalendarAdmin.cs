using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Calendar;

/// <summary>What an import changed, for the confirmation message.</summary>
public sealed record NoticeImportResult(int Year, int Days, int Added, int Changed, int Removed)
{
    public string Summary =>
        $"已导入{Year}年节假日安排：共 {Days} 个特殊日期（新增 {Added}，修改 {Changed}，删除 {Removed}），该年度已标记为“已发布”。";
}

/// <summary>
/// The office's maintenance of the working-day calendar (工作日历): importing a year's notice (from a
/// holiday-cn file, the CLI or typed in by hand) and correcting one day. The UI and the operator CLI
/// both go through here, so every change is validated, audited and invalidates the cached table.
/// </summary>
public sealed class CalendarAdmin(AppDbContext db, WorkingDayCalendar calendar, TimeProvider clock)
{
    public const string EmbeddedSource = "内置数据（国务院办公厅通知，holiday-cn）";
    public const string FileSource = "文件导入";
    public const string ManualSource = "办公室录入";

    /// <summary>On first start (no calendar year at all) loads every notice shipped with the application.</summary>
    public async Task<bool> SeedEmbeddedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Set<CalendarYear>().AnyAsync(ct)) return false;
        var now = clock.GetUtcNow();
        var seen = new HashSet<DateOnly>();
        foreach (var notice in HolidayCnData.LoadEmbedded())
        {
            var year = new CalendarYear { Year = notice.Year };
            year.RecordNotice(notice.IsPublished, notice.Papers, EmbeddedSource, now);
            db.Add(year);
            // A notice may publish days of the previous year (元旦 of 2023 begins 2022-12-31): one row per date.
            foreach (var d in notice.Days.Where(d => seen.Add(d.Date)))
                db.Add(new CalendarDay { Date = d.Date, IsOffDay = d.IsOffDay, Name = d.Name, NoticeYear = notice.Year });
        }
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
        return true;
    }

    /// <summary>Imports a holiday-cn format JSON file; a malformed file changes nothing and explains why in Chinese.</summary>
    public async Task<NoticeImportResult> ImportJsonAsync(Stream json, string source = FileSource, CancellationToken ct = default)
    {
        HolidayCnData.NoticeFile notice;
        try
        {
            notice = HolidayCnData.Parse(json);
        }
        catch (FormatException ex)
        {
            throw new DomainRuleException(ex.Message);
        }
        return await ImportAsync(notice, source, ct);
    }

    /// <summary>
    /// Replaces the days of the notice's year with the notice's days and marks the year published. A day
    /// that another year's notice published is taken over by this one (each date is stored once).
    /// </summary>
    public async Task<NoticeImportResult> ImportAsync(HolidayCnData.NoticeFile notice, string source, CancellationToken ct = default)
    {
        Validate(notice);
        await SeedEmbeddedIfEmptyAsync(ct);
        var y = notice.Year;
        var dates = notice.Days.Select(d => d.Date).ToList();
        var existing = await db.Set<CalendarDay>().Where(d => d.NoticeYear == y || dates.Contains(d.Date)).ToListAsync(ct);
        var byDate = existing.ToDictionary(d => d.Date);
        int added = 0, changed = 0, removed = 0;
        foreach (var d in notice.Days)
        {
            if (byDate.TryGetValue(d.Date, out var row))
            {
                var before = (row.NoticeYear, row.IsOffDay, row.Name, row.CorrectionNote);
                row.ApplyNotice(y, d.IsOffDay, d.Name);
                if (before != (row.NoticeYear, row.IsOffDay, row.Name, row.CorrectionNote)) changed++;
            }
            else
            {
                db.Add(new CalendarDay { Date = d.Date, IsOffDay = d.IsOffDay, Name = d.Name, NoticeYear = y });
                added++;
            }
        }
        var keep = dates.ToHashSet();
        foreach (var stale in existing.Where(d => d.NoticeYear == y && !keep.Contains(d.Date)))
        {
            db.Remove(stale);
            removed++;
        }
        var year = await db.Set<CalendarYear>().FirstOrDefaultAsync(x => x.Year == y, ct);
        if (year is null) db.Add(year = new CalendarYear { Year = y });
        year.RecordNotice(true, notice.Papers, source, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
        return new NoticeImportResult(y, notice.Days.Count, added, changed, removed);
    }

    /// <summary>Corrects one day by hand (放假 / 上班 / 按常规), keeping the reason. Returns the day as stored.</summary>
    public async Task<CalendarDay> CorrectDayAsync(DateOnly date, DayCorrection correction, string? name, string note, CancellationToken ct = default)
    {
        var day = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Date == date, ct);
        if (day is null)
        {
            if (correction == DayCorrection.Normal)
                throw new DomainRuleException($"{ChinaTime.FormatWithWeekday(date)}没有特殊安排，本来就按常规计算，无需更正。");
            day = new CalendarDay { Date = date, NoticeYear = date.Year };
            db.Add(day);
        }
        day.Correct(correction, name, note);
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
        return day;
    }

    private static void Validate(HolidayCnData.NoticeFile notice)
    {
        var y = notice.Year;
        if (!notice.IsPublished)
            throw new DomainRuleException($"{y}年的文件中没有任何放假或调休上班日期。国务院办公厅通知发布前无需导入；发布后请上传或录入包含全部日期的安排。");
        var duplicate = notice.Days.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DomainRuleException($"{ChinaTime.Format(duplicate.Key)}出现了不止一次，请每个日期只保留一条。");
        // A notice covers its own year and, at most, the last days of December before it (元旦 bridging).
        var outside = notice.Days.FirstOrDefault(d => !(d.Date.Year == y || (d.Date.Year == y - 1 && d.Date.Month == 12)));
        if (outside is not null)
            throw new DomainRuleException($"{ChinaTime.Format(outside.Date)}不属于{y}年通知的范围（应为{y}年内或{y - 1}年12月的日期），请检查年份是否填写正确。");
        var longName = notice.Days.FirstOrDefault(d => d.Name.Length > 100);
        if (longName is not null)
            throw new DomainRuleException($"{ChinaTime.Format(longName.Date)}的名称过长（不超过 100 个字）。");
    }
}
