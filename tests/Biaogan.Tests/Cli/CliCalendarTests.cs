using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Cli;

[Collection(CliCollection.Name)]
public class CliCalendarTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Help_lists_every_command_in_Chinese()
    {
        var r = await CliConsole.RunAsync(app, "help");
        Assert.Equal(0, r.ExitCode);
        foreach (var command in new[] { "migrate", "create-admin", "import-holidays", "workdays", "export-audit" })
            Assert.Contains(command, r.Out);
        Assert.Contains("首次登录时须绑定身份验证器（TOTP）", r.Out);
        Assert.Contains("导出审计日志为 CSV", r.Out);
    }

    [Theory]
    [InlineData("2026-09-24", false, "2026-10-10 周六")]
    [InlineData("2026-09-24", true, "2026-10-12 周一")]
    [InlineData("2025-01-24", false, "2025-02-08 周六")]
    public async Task Workdays_prints_the_end_date_and_weekday(string from, bool nextDay, string expected)
    {
        string[] args = nextDay ? ["workdays", "--from", from, "--days", "7", "--from-next-day"] : ["workdays", "--from", from, "--days", "7"];
        var r = await CliConsole.RunAsync(app, args);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected, r.Out.Split('\n')[0].Trim());
    }

    [Fact]
    public async Task Workdays_into_an_unpublished_year_is_marked_unconfirmed()
    {
        var r = await CliConsole.RunAsync(app, "workdays", "--from", "2026-12-28", "--days", "7");
        Assert.Equal("2027-01-05 周二（未确认）", r.Out.Split('\n')[0].Trim());
    }

    [Fact]
    public async Task Workdays_with_a_bad_date_explains_the_format()
    {
        var r = await CliConsole.RunAsync(app, "workdays", "--from", "2026/09/24", "--days", "7");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("yyyy-MM-dd", r.Error);
    }
}
