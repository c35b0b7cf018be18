using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Cli;

namespace Biaogan.Tests.Cli;

/// <summary>Console output is process-wide: CLI tests run alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "运维命令行（独占控制台）";
}

public sealed record CliResult(int ExitCode, string Out, string Error);

public static class CliConsole
{
    /// <summary>Runs an operator command against the test application's services and captures what it prints.</summary>
    public static async Task<CliResult> RunAsync(AppFactory app, params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await OperatorCli.RunAsync(app.Services, args);
            return new CliResult(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
