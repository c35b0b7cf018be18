using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Infrastructure.Cli;

/// <summary>
/// Operator commands run by the same executable (README “运维命令”). Each runs in a DI scope of the
/// fully configured application, so it uses the same database, calendar and audit as the web app.
/// </summary>
public static partial class OperatorCli
{
    private static readonly Dictionary<string, (string Usage, Func<IServiceProvider, string[], Task<int>> Run)> Commands = new()
    {
        ["migrate"] = ("migrate                                  应用数据库迁移（不存在则创建数据库）", MigrateAsync),
    };

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Commands.ContainsKey(args[0]) || args[0] is "help" or "--help");

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] is "help" or "--help" || !Commands.TryGetValue(args[0], out var command))
        {
            Console.WriteLine("用法: Biaogan.Web <命令> [参数]");
            foreach (var c in Commands.Values) Console.WriteLine("  " + c.Usage);
            return 0;
        }
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            return await command.Run(scope.ServiceProvider, args[1..]);
        }
        catch (Exception ex) when (ex is Errors.DomainRuleException or ArgumentException or FormatException or IOException)
        {
            Console.Error.WriteLine("错误: " + ex.Message);
            return 2;
        }
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

    internal static string Required(string[] args, string name) =>
        Option(args, name) ?? throw new ArgumentException($"缺少参数 --{name}。运行 help 查看用法。");
}
