using System.Data.Common;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Biaogan.Web.Infrastructure.Cli;

public static partial class OperatorCli
{
    /// <summary>import-holidays: the same import the office's upload page uses.</summary>
    private static async Task<int> ImportHolidaysAsync(IServiceProvider sp, string[] args)
    {
        var path = Required(args, "file");
        if (!File.Exists(path)) throw new IOException($"找不到文件“{path}”。");
        await sp.GetRequiredService<AppDbContext>().MigrateAsync();
        await using var stream = File.OpenRead(path);
        var result = await sp.GetRequiredService<CalendarAdmin>().ImportJsonAsync(stream, CalendarAdmin.FileSource + "（命令行）");
        Console.WriteLine(result.Summary);
        return 0;
    }

    /// <summary>workdays: prints “yyyy-MM-dd 周X”, with “（未确认）” when a year crossed is unpublished.</summary>
    private static async Task<int> WorkdaysAsync(IServiceProvider sp, string[] args)
    {
        var from = DateOption(args, "from") ?? throw new ArgumentException("缺少参数 --from（起算日期，yyyy-MM-dd）。运行 help 查看用法。");
        var daysText = Required(args, "days");
        if (!int.TryParse(daysText, out var days) || days is < 1 or > 366)
            throw new FormatException($"--days 应为 1 至 366 之间的整数（收到“{daysText}”）。");
        var table = await TableAsync(sp);
        var result = table.AddWorkdays(from, days, countStart: !Flag(args, "from-next-day"));
        Console.WriteLine($"{result.End:yyyy-MM-dd} {ChinaTime.Weekday(result.End.DayOfWeek)}{(result.Confirmed ? "" : "（未确认）")}");
        if (!result.Confirmed)
            Console.WriteLine("未确认：计算跨越了尚未发布节假日安排的年份，该年按周一至周五计算。");
        return 0;
    }

    /// <summary>The office-maintained calendar; before the database holds one, the embedded notices.</summary>
    private static async Task<HolidayTable> TableAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        try
        {
            // Ask before querying, so that a first install (no database yet) logs no failed command.
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (await creator.ExistsAsync() && await creator.HasTablesAsync() && await db.Set<CalendarYear>().AnyAsync())
                return await sp.GetRequiredService<WorkingDayCalendar>().GetTableAsync();
        }
        catch (DbException)
        {
            // The database cannot be read: fall through to the data shipped with the application.
        }
        Console.WriteLine("（数据库中尚无工作日历，按内置的节假日数据计算）");
        return HolidayCnData.EmbeddedTable();
    }
}
