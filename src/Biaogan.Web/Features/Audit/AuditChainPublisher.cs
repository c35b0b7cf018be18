using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Jobs;
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
/// Scheduled work “audit.head”: publishes the chain head of the China date every day at 00:05 China Standard Time, one
/// row per day in the scheduled-work table, so exactly one node publishes it and a day missed while every node was
/// down is published when one comes back. A rerun of the same day does nothing (<see cref="AuditChainPublisher"/>
/// keeps one checkpoint per day). Setting <c>Audit:PublishDailyHead</c> = false makes each occurrence a no-op.
/// </summary>
internal sealed class AuditHeadWork(AuditChainPublisher publisher, IConfiguration config) : IRecurringWork
{
    public const string WorkKind = "audit.head";

    public string Kind => WorkKind;
    public string Title => "发布审计日志链头校验值";
    public Recurrence Recurrence => Recurrence.DailyAtChinaTime(new TimeOnly(0, 5));

    public async Task<string?> RunAsync(WorkItem work, CancellationToken ct)
    {
        if (!config.GetValue("Audit:PublishDailyHead", true)) return "每日发布链头已在设置中关闭，本次未发布";
        // The day the occurrence is due (00:05 China time): a late run still publishes that day, once.
        var day = DateOnly.FromDateTime(Infrastructure.Time.ChinaTime.ToChina(work.DueAt).DateTime);
        var (checkpoint, created) = await BiaoganMetrics.TrackJobAsync("audit-head", () => publisher.PublishAsync(day, ct));
        return created
            ? $"已发布 {day:yyyy年M月d日} 的链头：共 {checkpoint.Sequence} 条"
            : $"{day:yyyy年M月d日} 的链头此前已发布";
    }
}
