using Biaogan.Web.Features.Audit;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Infrastructure.Cli;

public static partial class OperatorCli
{
    /// <summary>export-audit: the same CSV as the 审计日志 page's export.</summary>
    private static async Task<int> ExportAuditAsync(IServiceProvider sp, string[] args)
    {
        var path = Required(args, "out");
        var filter = new AuditFilter { From = DateOption(args, "from"), To = DateOption(args, "to") };
        if (filter.From > filter.To) throw new ArgumentException("--from 不能晚于 --to。");
        var db = sp.GetRequiredService<AppDbContext>();
        var full = Path.GetFullPath(path);
        int count;
        await using (var file = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            count = await AuditCsv.WriteAsync(filter.Apply(db.Set<AuditEntry>()), file);
        }
        var range = (filter.From, filter.To) switch
        {
            (null, null) => "全部",
            ({ } f, null) => $"{f:yyyy-MM-dd} 起",
            (null, { } t) => $"截至 {t:yyyy-MM-dd}",
            ({ } f, { } t) => $"{f:yyyy-MM-dd} 至 {t:yyyy-MM-dd}",
        };
        Console.WriteLine($"已导出 {count} 条审计记录（{range}，北京时间）到 {full}");
        return 0;
    }
}
