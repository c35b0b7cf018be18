using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Data;

/// <summary>Something a feature puts into the database on start (roles, calendar data, templates, demo data).</summary>
public interface ISeeder
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }
    Task SeedAsync(CancellationToken ct);
}

/// <summary>Lines a feature wants printed once the server listens (the demo logins).</summary>
public sealed class StartupBanner
{
    /// <summary>Written in a line, replaced by the first address the server listens on (“http://127.0.0.1:5080”).</summary>
    public const string SiteAddress = "{site}";

    public List<string> Lines { get; } = [];
}

public static class Startup
{
    /// <summary>
    /// Whether this node applies migrations when it starts: <c>Database:MigrateOnStart</c>, by default true only for
    /// the embedded SQLite database or in Development. With several nodes on PostgreSQL the operator runs the
    /// <c>migrate</c> command once per release instead (EF Core's migration lock still guards a concurrent run).
    /// </summary>
    public static bool MigrateOnStart(IConfiguration config, IHostEnvironment env, AppDbContext db) =>
        config.GetValue<bool?>("Database:MigrateOnStart") ?? (env.IsDevelopment() || db.Database.IsSqlite());

    /// <summary>Refuses to start on a database the <c>migrate</c> command has not brought up to this version.</summary>
    private static async Task EnsureMigratedAsync(AppDbContext db)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
            throw new InvalidOperationException(
                $"数据库尚未迁移到本版本（待应用：{string.Join("、", pending)}）。Database:MigrateOnStart 为 false 时，请先运行一次 `Biaogan.Web migrate`，再启动各个节点。");
    }

    /// <summary>Migrates (see <see cref="MigrateOnStart"/>), runs every seeder in order, and prints the URL and banner lines when listening.</summary>
    public static async Task InitialiseAsync(this WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!MigrateOnStart(app.Configuration, app.Environment, db)) await EnsureMigratedAsync(db);
            // EF Core's Migrate also rebuilds the migrations' snapshot model and diffs it against the model on every call
            // (about a tenth of a cold start, and of every test host's start): ask the history table first, and run it only
            // when something is pending (MigrationTests checks in CI that the model has no change without a migration).
            else if ((await db.Database.GetPendingMigrationsAsync()).Any()) await db.MigrateAsync();
            else await db.PrepareAsync();
            // The first data-protection key is written through a connection of its own. Create it now, before a seeder
            // or a request holds a SQLite write transaction around something it protects (an invitation's token), where
            // writing the key would wait on that very transaction until "database is locked".
            scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Biaogan.Startup").Protect([1]);
            foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>().OrderBy(s => s.Order))
                await seeder.SeedAsync(CancellationToken.None);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var banner = app.Services.GetRequiredService<StartupBanner>();
            var lines = new List<string> { "", "==== 标杆 Biaogan 全国用户满意标杆管理系统 已启动 ====" };
            lines.AddRange(addresses.Select(a => $"访问地址: {a}"));
            var site = addresses.FirstOrDefault()?.TrimEnd('/') ?? "";
            lines.AddRange(banner.Lines.Select(l => l.Replace(StartupBanner.SiteAddress, site)));
            lines.Add("");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }
}
