namespace Biaogan.Web.Infrastructure.Cli;

/// <summary>
/// The scale data set of bench/load/peak-day.sh. Implemented by Features/Demo and registered only outside Production,
/// so a production build has no seeder to call and pays nothing for it at start.
/// </summary>
public interface IScaleSeeding
{
    Task<int> RunAsync(string[] args, CancellationToken ct);
}

public static partial class OperatorCli
{
    /// <summary>seed-scale: fills an empty Development database through the workflows (bench/README.md “Peak day”).</summary>
    private static async Task<int> SeedScaleAsync(IServiceProvider sp, string[] args)
    {
        var env = sp.GetRequiredService<IHostEnvironment>();
        if (!env.IsDevelopment() && !Flag(args, "allow-non-development"))
        {
            Console.Error.WriteLine($"错误: seed-scale 只在开发环境（Development）中运行，当前环境为 {env.EnvironmentName}。" +
                "压测环境确需运行时加 --allow-non-development；生产环境（Production）无论如何都不会运行。");
            return 2;
        }
        if (sp.GetService<IScaleSeeding>() is not { } seeding)
        {
            Console.Error.WriteLine("错误: 生产环境（Production）不提供 seed-scale。");
            return 2;
        }
        return await seeding.RunAsync(args, CancellationToken.None);
    }
}
