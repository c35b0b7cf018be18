using System.Data.Common;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Infrastructure.Cli;

/// <summary>
/// Operator commands run by the same executable (README “运维命令”). Each runs in a DI scope of the
/// fully configured application, so it uses the same database, calendar and audit as the web app.
/// Command bodies live in the partial files beside this one.
/// </summary>
public static partial class OperatorCli
{
    /// <summary>Who the audit trail names for changes made from the command line.</summary>
    public const string ActorName = "运维命令行";

    private static readonly Dictionary<string, (string Usage, Func<IServiceProvider, string[], Task<int>> Run)> Commands = new()
    {
        ["migrate"] = ("migrate\n      应用数据库迁移（数据库不存在时创建）", MigrateAsync),
        ["create-admin"] = ("create-admin --email 邮箱 --name 姓名 --password 密码\n      创建系统管理员（邮箱视为已验证）；首次登录时须绑定身份验证器（TOTP）", CreateAdminAsync),
        ["import-holidays"] = ("import-holidays --file 2027.json\n      导入一年的节假日安排（holiday-cn 格式 JSON），替换该年度已有的特殊日期并标记为已发布", ImportHolidaysAsync),
        ["workdays"] = ("workdays --from 2026-09-24 --days 7 [--from-next-day]\n      计算 N 个工作日后的截止日期；默认起算日当天计入，加 --from-next-day 则自次日起算", WorkdaysAsync),
        ["export-audit"] = ("export-audit --out audit.csv [--from yyyy-MM-dd] [--to yyyy-MM-dd]\n      导出审计日志为 CSV（UTF-8 带 BOM，中文表头，北京时间）", ExportAuditAsync),
        ["verify-audit"] = ("verify-audit [--head 序号:哈希]\n      校验审计日志的哈希链，报告第一条被修改、删除或插入的记录（有问题时退出码为 3）；--head 为站内信或日志中发布的链头", VerifyAuditAsync),
        ["backup"] = ("backup --out 目录\n      备份数据库（SQLite 在线复制 / PostgreSQL pg_dump）和全部上传文件，并写出 SHA-256 清单；网站可照常运行", BackupAsync),
        ["restore"] = ("restore --from 目录 [--force]\n      从备份恢复数据库和文件；目标不是空的时拒绝，确认覆盖时加 --force", RestoreAsync),
        ["verify-backup"] = ("verify-backup 目录\n      把备份恢复到临时数据库，逐一核对文件的 SHA-256 和审计日志哈希链（有问题时退出码为 3）", VerifyBackupAsync),
        ["seed-scale"] = ("seed-scale --applications 2000 --reviewers 600 [--group-size 5] [--draft-share 0.2] [--draft-applications 100] [--logins logins.csv]\n      仅限开发环境：在空数据库中通过业务流程生成压测数据（申报、评审员、专家组、评分表和一致性评审），并写出登录清单", SeedScaleAsync),
        ["publish-audit-head"] = ("publish-audit-head [--day yyyy-MM-dd]\n      发布当天的审计链头到日志和领导小组站内信（每天一次，重复运行不重复发布）", PublishAuditHeadAsync),
    };

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Commands.ContainsKey(args[0]) || args[0] is "help" or "--help" or "-h");

    public static Task<int> RunAsync(WebApplication app, string[] args) => RunAsync(app.Services, args);

    /// <summary>Runs one command in its own scope; returns the process exit code (0 ok, 1 usage, 2 refused, 3 check failed).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintHelp();
            return 0;
        }
        if (!Commands.TryGetValue(args[0], out var command))
        {
            Console.Error.WriteLine($"错误: 未知命令“{args[0]}”。");
            PrintHelp();
            return 1;
        }
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, ActorName);
        try
        {
            return await command.Run(scope.ServiceProvider, args[1..]);
        }
        catch (Exception ex) when (ex is Errors.DomainRuleException or ArgumentException or FormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("错误: " + ex.Message);
            return 2;
        }
        catch (DbException ex)
        {
            Console.Error.WriteLine($"错误: 无法访问数据库（{ex.Message}）。请检查 ConnectionStrings:Biaogan 配置，必要时先运行 migrate。");
            return 2;
        }
    }

    private static void PrintHelp()
    {
        Console.WriteLine("全国用户满意标杆管理系统 运维命令");
        Console.WriteLine("用法: Biaogan.Web <命令> [参数]");
        Console.WriteLine("数据库由配置决定（Database:Provider、ConnectionStrings:Biaogan），与网站使用同一数据库。");
        Console.WriteLine();
        Console.WriteLine("命令:");
        foreach (var c in Commands.Values) Console.WriteLine("  " + c.Usage);
        Console.WriteLine("  help\n      显示本说明");
    }

    private static async Task<int> MigrateAsync(IServiceProvider sp, string[] args)
    {
        await sp.GetRequiredService<AppDbContext>().MigrateAsync();
        Console.WriteLine("数据库迁移已完成。");
        return 0;
    }

    /// <summary>Reads <c>--name value</c> options.</summary>
    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static bool Flag(string[] args, string name) => args.Contains("--" + name);

    internal static string Required(string[] args, string name) =>
        Option(args, name) ?? throw new ArgumentException($"缺少参数 --{name}。运行 help 查看用法。");

    internal static DateOnly? DateOption(string[] args, string name) =>
        Option(args, name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", out var d) ? d
        : throw new FormatException($"--{name} 的日期“{text}”格式不正确，应为 yyyy-MM-dd，例如 2026-09-24。");
}
