using Microsoft.Extensions.Options;

namespace Biaogan.Web.Infrastructure.Jobs;

/// <summary>
/// The hosted loop of every app node: Jobs:MaxConcurrent workers, each running due items until none is left and then
/// waiting for a wake (work scheduled on this node) or Jobs:PollSeconds on the injected clock (work scheduled elsewhere,
/// retries, leases that ran out). Tests drive the wait with their fake clock.
/// </summary>
internal sealed class WorkRunnerHost(WorkRunner runner, WorkSignal signal, TimeProvider clock, IOptions<JobsOptions> options,
    IHostApplicationLifetime lifetime, ILogger<WorkRunnerHost> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            log.LogInformation("Jobs:Enabled 为 false：本节点不执行后台任务，由其他节点执行");
            return Task.CompletedTask;
        }
        var workers = Math.Clamp(options.Value.MaxConcurrent, 1, 16);
        log.LogInformation("后台任务执行器已启动：节点 {Node}，并行 {Workers} 项，每 {Seconds} 秒检查一次到期任务", runner.NodeId, workers,
            options.Value.PollSeconds);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(i => WorkAsync(i == 0, stoppingToken)));
    }

    private async Task WorkAsync(bool keepsRecurring, CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        // Due work waits until the node serves pages: run beside the start-up, the first rounds (each JIT-compiling its
        // job's code) took CPU from the start on two cores and delayed the first page (bench/README.md, cold start).
        await StartedAsync(stoppingToken);
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            try
            {
                if (keepsRecurring && options.Value.Recurring) await runner.EnsureRecurringAsync(stoppingToken);
                if (await runner.RunOneAsync(stoppingToken)) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                // The database may not be ready yet (start-up, a migration on another node): the next poll tries again.
                log.LogWarning(ex, "读取后台任务时出错，{Seconds} 秒后重试", poll.TotalSeconds);
            }
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(wake, Task.Delay(poll, clock, waiting.Token));
            await waiting.CancelAsync();
            // Leave the thread that woke us (a test advancing its clock, a request scheduling work) at once.
            await Task.Yield();
        }
    }

    private Task StartedAsync(CancellationToken stoppingToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested) return Task.CompletedTask;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        stoppingToken.Register(() => started.TrySetResult());
        return started.Task;
    }
}
