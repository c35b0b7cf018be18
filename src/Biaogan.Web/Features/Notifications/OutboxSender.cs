using Biaogan.Web.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace Biaogan.Web.Features.Notifications;

/// <summary>
/// Background job on every app node: every Mail:PollSeconds it runs an <see cref="OutboxDispatcher"/> round.
/// Errors (database or SMTP unreachable) are logged and the next round simply tries again.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<MailOptions> options, ILogger<OutboxSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mail = options.Value;
        var interval = TimeSpan.FromSeconds(Math.Max(1, mail.PollSeconds));
        if (mail.UsePickupDirectory)
            log.LogInformation("未配置 SMTP 服务器（Mail:Host 为空），邮件将写入投递目录，不会真正发出");
        else
            log.LogInformation("邮件发送任务已启动：SMTP {Host}:{Port}，每 {Seconds} 秒检查一次待发邮件", mail.Host, mail.Port, interval.TotalSeconds);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Wall-clock pause between rounds (the injected clock only decides what is due).
                await Task.Delay(interval, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var result = await Infrastructure.Observability.BiaoganMetrics.TrackJobAsync("outbox", () => scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(stoppingToken));
                if (result != default)
                    log.LogInformation("本轮邮件发送：成功 {Sent}，待重试 {Retrying}，失败 {Failed}", result.Sent, result.Retrying, result.Failed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "检查待发邮件时出错，{Seconds} 秒后再试", interval.TotalSeconds);
            }
        }
    }
}
