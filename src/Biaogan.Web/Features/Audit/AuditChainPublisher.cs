using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Audit;

/// <summary>
/// Publishes the audit chain's head once a day outside the audit table: to the log, to every 领导小组成员's inbox
/// (站内信), and as an <see cref="AuditChainCheckpoint"/> that later checks compare against. A chain whose tail was
/// cut, or that was rewritten and re-hashed from some row on, then no longer matches what was published.
/// One publication per China date: calling it again for the same day does nothing.
/// </summary>
public sealed class AuditChainPublisher(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<AuditChainPublisher> log)
{
    /// <returns>The checkpoint of <paramref name="day"/>, and whether this call created it.</returns>
    public async Task<(AuditChainCheckpoint Checkpoint, bool Created)> PublishAsync(DateOnly day, CancellationToken ct = default)
    {
        if (await Existing(day, ct) is { } done) return (done, false);
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleAsync(ct);
        var checkpoint = new AuditChainCheckpoint { Day = day, Sequence = head.Sequence, Hash = head.Hash, PublishedAt = clock.GetUtcNow() };
        db.Set<AuditChainCheckpoint>().Add(checkpoint);
        var line = AuditChain.Describe(head.Sequence, head.Hash);
        foreach (var leader in await users.GetUsersInRoleAsync(Roles.LeadingGroup))
        {
            db.Set<InboxItem>().Add(new InboxItem
            {
                UserId = leader.Id, CreatedAt = checkpoint.PublishedAt, Link = "/Audit",
                Title = $"审计日志校验值（{day:yyyy年M月d日}）",
                Body = $"{leader.DisplayName}：\n截至{day:yyyy年M月d日}，审计日志共 {head.Sequence} 条，链头校验值为：\n{line}\n"
                    + "请保留本消息。日后如需核对审计日志是否被篡改，运维人员可运行 verify-audit --head 上述校验值；结果不符即说明审计日志被改动过。",
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two nodes raced for the same day and the unique day index let the other one win.
            db.ChangeTracker.Clear();
            if (await Existing(day, ct) is { } other) return (other, false);
            throw;
        }
        log.LogInformation("审计链头 {Day:yyyy-MM-dd}: {Head}", day, line);
        return (checkpoint, true);
    }

    private Task<AuditChainCheckpoint?> Existing(DateOnly day, CancellationToken ct) =>
        db.Set<AuditChainCheckpoint>().AsNoTracking().FirstOrDefaultAsync(c => c.Day == day, ct);
}

/// <summary>
/// Runs <see cref="AuditChainPublisher"/> for today (China Standard Time) at start and then every hour of wall-clock time, so each
/// day gets its publication whichever node is up. Setting <c>Audit:PublishDailyHead</c> = false turns it off.
/// When the durable scheduled-work table exists, one daily entry calling <see cref="AuditChainPublisher.PublishAsync"/>
/// replaces this service.
/// </summary>
public sealed class AuditChainPublishingService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config,
    ILogger<AuditChainPublishingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Audit:PublishDailyHead", true)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await BiaoganMetrics.TrackJobAsync("audit-head", () => scope.ServiceProvider.GetRequiredService<AuditChainPublisher>()
                    .PublishAsync(Infrastructure.Time.ChinaTime.Today(clock), stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "发布审计链头失败，一小时后重试。");
            }
            // Wall-clock pause, as the outbox sender does: the injected clock only decides which day it is.
            await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
        }
    }
}
