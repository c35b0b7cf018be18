using System.Collections.Concurrent;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// The app for scheduled-work tests: its own runner loop is off (Jobs:Enabled=false), so each test decides which
/// runner claims what and when; two test kinds of work are registered. <see cref="SecondNode"/> is another app node on
/// the same database.
/// </summary>
public class JobsAppFactory : AppFactory
{
    protected virtual string? SharedConnectionString => null;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings
    {
        get
        {
            yield return new("Jobs:Enabled", "false");
            if (SharedConnectionString is { } cs) yield return new("ConnectionStrings:Biaogan", cs);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddScheduledWork<CountingWork>();
            services.AddScheduledWork<FailingWork>();
        });
    }

    /// <summary>Another app node (own DI container, own runner) on this factory's database.</summary>
    public JobsAppFactory SecondNode()
    {
        var node = new SharedDatabaseNode(ConnectionString);
        _ = Services; // this node migrates the database first
        _ = node.Services;
        node.Clock.SetUtcNow(Clock.GetUtcNow()); // one clock for the whole installation
        return node;
    }

    private sealed class SharedDatabaseNode(string connectionString) : JobsAppFactory
    {
        protected override string? SharedConnectionString => connectionString;
    }

    /// <summary>A fresh runner of this node: another process of the same app, as after a restart.</summary>
    public WorkRunner NewRunner() => ActivatorUtilities.CreateInstance<WorkRunner>(Services);

    public Task<ScheduledWork> WorkAsync(string kind, string key) =>
        WithDbAsync(db => db.Set<ScheduledWork>().AsNoTracking().SingleAsync(w => w.Kind == kind && w.Key == key));

    public async Task<bool> ScheduleAsync(string kind, string key, DateTimeOffset dueAt, object? payload = null, int maxAttempts = 5)
    {
        var added = false;
        await WithScopeAsync(async sp => added = await sp.GetRequiredService<WorkScheduler>().ScheduleAsync(kind, key, dueAt, payload, maxAttempts));
        return added;
    }
}

/// <summary>“test.count”: records which node ran which key (shared by every app instance in the process).</summary>
public sealed class CountingWork : IScheduledWork
{
    public const string WorkKind = "test.count";
    public static readonly ConcurrentDictionary<string, ConcurrentBag<string>> Runs = new();

    public string Kind => WorkKind;
    public string Title => "测试计数";

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct)
    {
        // Give a competing runner every chance to claim the same row while this one is “working”.
        await Task.Yield();
        Runs.GetOrAdd(work.Key, _ => []).Add(work.NodeId);
        return $"由 {work.NodeId} 执行";
    }
}

/// <summary>“test.fail”: every attempt fails with a Chinese message.</summary>
public sealed class FailingWork : IScheduledWork
{
    public const string WorkKind = "test.fail";

    public string Kind => WorkKind;
    public string Title => "测试失败";

    public Task<string?> RunAsync(WorkItem work, CancellationToken ct) =>
        throw new InvalidOperationException($"模拟的外部服务不可用（第 {work.Attempt} 次）");
}
