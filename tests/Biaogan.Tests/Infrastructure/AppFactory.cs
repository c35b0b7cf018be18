using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// The application in-process on its own database (SQLite file or PostgreSQL database), its own file
/// store and mail pickup folder, and a controllable clock set to <see cref="StartTime"/>.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>2026-11-27 10:00 China Standard Time.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));

    public string Folder { get; } = Directory.CreateTempSubdirectory("biaogan-test-").FullName;
    public string ConnectionString { get; }
    public FakeTimeProvider Clock { get; } = new(StartTime);

    /// <summary>Extra configuration a test class wants (e.g. an SMTP host).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    /// <summary>
    /// PBKDF2 iterations of this test host's password hasher; null keeps ASP.NET Identity's default (100,000), which
    /// production uses (PasswordHashingTests proves it). The suite creates and signs in thousands of people, and at
    /// about 50 ms of CPU per hash the default alone cost minutes of the 2-core CI run. A stored hash carries its own
    /// iteration count, so hashing and verifying work the same either way.
    /// </summary>
    protected virtual int? PasswordIterations => 1_000;

    public AppFactory()
    {
        ConnectionString = TestDatabase.NewConnectionString(Folder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = BaseSettings(ConnectionString, Folder);
        foreach (var (k, v) in ExtraSettings) settings[k] = v;
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (PasswordIterations is { } iterations) services.Configure<PasswordHasherOptions>(o => o.IterationCount = iterations);
        });
    }

    /// <summary>The settings every test host starts with (<see cref="ExtraSettings"/> come on top).</summary>
    internal static Dictionary<string, string?> BaseSettings(string connectionString, string folder) => new()
    {
        ["Database:Provider"] = TestDatabase.Provider,
        ["ConnectionStrings:Biaogan"] = connectionString,
        ["Files:Root"] = Path.Combine(folder, "files"),
        ["Mail:Host"] = "",
        ["Mail:PickupDirectory"] = Path.Combine(folder, "mail"),
        ["Mail:PollSeconds"] = "3600",
        ["RateLimits:PublicFormPerMinute"] = "1000",
        ["Demo:Seed"] = "false",
        // The daily audit-head publication would fire whenever a test advances the clock past midnight.
        // Recurring rounds (reminders …) would start whenever a test moves the clock; tests run them explicitly.
        ["Jobs:Recurring"] = "false",
        ["Database:MigrateOnStart"] = "true",
    };

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { TestDatabase.Drop(ConnectionString); } catch (Npgsql.NpgsqlException) { /* server already gone */ }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
