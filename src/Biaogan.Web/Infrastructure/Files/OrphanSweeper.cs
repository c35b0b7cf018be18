using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>
/// Removes stored blobs that no <see cref="StoredFile"/> row refers to once they are older than the grace period
/// (<c>Files:OrphanGraceHours</c>, default 24): what a crash between writing a blob and committing its row, or a
/// transaction rolled back after the save, leaves behind. The grace period keeps uploads in flight safe.
/// </summary>
public sealed class OrphanSweeper(AppDbContext db, IFileStore blobs, TimeProvider clock, IConfiguration config, ILogger<OrphanSweeper> log)
{
    private const int Batch = 500;

    public TimeSpan Grace => TimeSpan.FromHours(config.GetValue("Files:OrphanGraceHours", 24.0));

    /// <summary>Sweeps once; returns how many blobs were removed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - Grace;
        var removed = 0;
        var candidates = new List<StoredBlob>(Batch);
        await foreach (var blob in blobs.ListAsync(ct))
        {
            if (blob.LastModified > cutoff) continue;
            candidates.Add(blob);
            if (candidates.Count == Batch) { removed += await RemoveUnreferencedAsync(candidates, ct); candidates.Clear(); }
        }
        if (candidates.Count > 0) removed += await RemoveUnreferencedAsync(candidates, ct);
        if (removed > 0) log.LogInformation("已清理 {Count} 个没有记录的孤立文件（超过 {Hours} 小时）", removed, Grace.TotalHours);
        return removed;
    }

    private async Task<int> RemoveUnreferencedAsync(List<StoredBlob> candidates, CancellationToken ct)
    {
        // A partial local write ("….part") is never referenced; its key without the suffix is what a row would hold.
        var keys = candidates.Select(b => b.Key).ToList();
        var referenced = (await db.Set<StoredFile>().AsNoTracking().Where(f => keys.Contains(f.StorageKey))
            .Select(f => f.StorageKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var blob in candidates.Where(b => !referenced.Contains(b.Key)))
        {
            await blobs.DeleteAsync(blob.Key, ct);
            removed++;
        }
        return removed;
    }
}

/// <summary>Background job on every node: an orphan sweep every <c>Files:SweepMinutes</c> (default 60); a sweep is safe to run twice.</summary>
public sealed class OrphanSweepJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<OrphanSweepJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Files:SweepMinutes", 60.0)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Wall-clock pause between sweeps (the injected clock only decides what is old enough).
                await Task.Delay(interval, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OrphanSweeper>().SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "清理孤立文件时出错，{Minutes} 分钟后再试", interval.TotalMinutes);
            }
        }
    }
}
