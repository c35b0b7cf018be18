using Biaogan.Web.Features.Audit;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Infrastructure.Cli;

public static partial class OperatorCli
{
    /// <summary>Exit code of a check that ran and found a problem (verify-audit, verify-backup).</summary>
    public const int CheckFailed = 3;

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

    /// <summary>verify-audit: walks the hash chain; exit code 3 and the first broken row when it was tampered with.</summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider sp, string[] args)
    {
        var head = Option(args, "head") is { } text ? AuditChain.ParseHead(text) : ((long, string)?)null;
        var report = await AuditChainVerifier.VerifyAsync(sp.GetRequiredService<AppDbContext>(), head);
        return PrintAuditReport(report);
    }

    private static int PrintAuditReport(AuditChainReport report)
    {
        if (report.Intact)
        {
            Console.WriteLine($"审计日志完整：共 {report.Rows} 条记录，哈希链无断点，与已发布的每日校验值一致。");
            Console.WriteLine($"链头：{report.Head}");
            return 0;
        }
        Console.Error.WriteLine("审计日志已被篡改：" + report.Problem);
        Console.Error.WriteLine("请保全现场（先做一次 backup），对照领导小组站内信中每日发布的校验值和历史备份查明原始记录。");
        return CheckFailed;
    }

    /// <summary>publish-audit-head: today's publication of the chain head, as the daily job does it (idempotent per day).</summary>
    private static async Task<int> PublishAuditHeadAsync(IServiceProvider sp, string[] args)
    {
        var day = DateOption(args, "day") ?? Time.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
        var (checkpoint, created) = await sp.GetRequiredService<AuditChainPublisher>().PublishAsync(day);
        Console.WriteLine(created
            ? $"已发布 {day:yyyy-MM-dd} 的审计链头：{AuditChain.Describe(checkpoint.Sequence, checkpoint.Hash)}"
            : $"{day:yyyy-MM-dd} 的审计链头已发布过：{AuditChain.Describe(checkpoint.Sequence, checkpoint.Hash)}");
        return 0;
    }
}
