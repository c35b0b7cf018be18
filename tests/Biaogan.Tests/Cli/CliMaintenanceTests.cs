using System.Text;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Cli;

[Collection(CliCollection.Name)]
public class CliMaintenanceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Create_admin_makes_a_confirmed_administrator_and_refuses_the_same_email_twice()
    {
        var r = await CliConsole.RunAsync(app, "create-admin", "--email", "admin@cli.biaogan.cn", "--name", "周管理", "--password", "Strong2026admin");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("已创建系统管理员：周管理", r.Out);
        Assert.Contains("TOTP", r.Out);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync("admin@cli.biaogan.cn");
            Assert.NotNull(user);
            Assert.True(user.EmailConfirmed);
            Assert.True(await users.IsInRoleAsync(user, Roles.Admin));
        });
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "命令行创建系统管理员" && a.ActorName == "运维命令行")));

        var again = await CliConsole.RunAsync(app, "create-admin", "--email", "admin@cli.biaogan.cn", "--name", "另一人", "--password", "Strong2026admin");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("已被账号“周管理”使用", again.Error);
    }

    [Fact]
    public async Task Create_admin_refuses_a_weak_password_and_says_why()
    {
        var r = await CliConsole.RunAsync(app, "create-admin", "--email", "weak@cli.biaogan.cn", "--name", "吴弱", "--password", "short");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("密码强度不足", r.Error);
        Assert.Contains("至少需要 10 个字符", r.Error);
        Assert.Contains("需包含数字", r.Error);
        await app.WithScopeAsync(async sp => Assert.Null(await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("weak@cli.biaogan.cn")));
    }

    [Fact]
    public async Task Import_holidays_uses_the_same_import_as_the_office_page()
    {
        var file = Path.Combine(app.Folder, "2027.json");
        await File.WriteAllTextAsync(file, """{"year": 2027, "papers": [], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}""");
        var r = await CliConsole.RunAsync(app, "import-holidays", "--file", file);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("已导入2027年节假日安排", r.Out);
        var year = await app.WithDbAsync(db => db.Set<CalendarYear>().SingleAsync(y => y.Year == 2027));
        Assert.True(year.Published);
        var after = await CliConsole.RunAsync(app, "workdays", "--from", "2026-12-28", "--days", "7");
        Assert.Equal("2027-01-06 周三", after.Out.Split('\n')[0].Trim());

        await File.WriteAllTextAsync(file, "{ not json");
        var bad = await CliConsole.RunAsync(app, "import-holidays", "--file", file);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("不是有效的", bad.Error);
    }

    [Fact]
    public async Task Export_audit_writes_a_UTF8_CSV_with_BOM_Chinese_headers_and_Beijing_times()
    {
        var file = Path.Combine(app.Folder, "audit.csv");
        var r = await CliConsole.RunAsync(app, "export-audit", "--out", file, "--from", "2026-11-27", "--to", "2026-11-27");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("已导出", r.Out);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("时间（北京时间）,操作人,", lines[0]);
        Assert.True(lines.Length > 1, "the seeded calendar leaves audit records");
        Assert.StartsWith("2026-11-27 10:00:00,", lines[1]);

        var none = await CliConsole.RunAsync(app, "export-audit", "--out", file, "--from", "2026-11-28");
        Assert.Contains("已导出 0 条", none.Out);
    }

    [Fact]
    public async Task An_unknown_command_prints_the_help_and_fails()
    {
        var r = await CliConsole.RunAsync(app, "frobnicate");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("未知命令", r.Error);
    }
}
