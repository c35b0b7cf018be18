using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications;

/// <summary>What one dispatch round did.</summary>
public readonly record struct DispatchResult(int Sent, int Retrying, int Failed)
{
    public static DispatchResult operator +(DispatchResult a, DispatchResult b) =>
        new(a.Sent + b.Sent, a.Retrying + b.Retrying, a.Failed + b.Failed);
}

/// <summary>
/// Delivers the e-mails that are due, safely when several app nodes (or several rounds) run at once:
/// each round first claims rows with one conditional UPDATE, then sends only the rows it claimed.
/// </summary>
public sealed class OutboxDispatcher(AppDbContext db, MailTransport transport, TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    public const int BatchSize = 20;

    /// <summary>How long a claim keeps other nodes away; a node that dies mid-batch frees its rows after this.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    /// <summary>No new send is started this close to the end of a claim, so two nodes never send the same row.</summary>
    private static readonly TimeSpan ClaimSafetyMargin = TimeSpan.FromSeconds(45);

    /// <summary>This app node, as written into claims.</summary>
    public static readonly string NodeId = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Claims and delivers due e-mails in batches until none is due; returns what happened.</summary>
    public async Task<DispatchResult> DispatchDueAsync(CancellationToken ct)
    {
        var total = new DispatchResult();
        while (!ct.IsCancellationRequested)
        {
            var claimed = await ClaimAsync(ct);
            if (claimed.Count == 0) break;
            total += await DeliverAsync(claimed, ct);
            if (claimed.Count < BatchSize) break;
        }
        return total;
    }

    /// <summary>
    /// One UPDATE … WHERE Status = Pending AND NextAttemptAt &lt;= now AND claim free: the database lets only
    /// one round win each row (PostgreSQL re-checks the condition after waiting for a competing update;
    /// SQLite runs one writer at a time). The claim token is unique per round, not just per node.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = $"{NodeId}/{Guid.NewGuid():N}";
        var due = db.Set<OutboxMessage>().Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
            && (m.ClaimedUntil == null || m.ClaimedUntil < now));
        var batch = due.OrderBy(m => m.NextAttemptAt).Take(BatchSize).Select(m => m.Id);
        var count = await due.Where(m => batch.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimedBy, token)
            .SetProperty(m => m.ClaimedUntil, now + ClaimDuration)
            .SetProperty(m => m.Version, m => m.Version + 1), ct);
        if (count == 0) return [];
        return await db.Set<OutboxMessage>().Where(m => m.ClaimedBy == token).OrderBy(m => m.NextAttemptAt).ToListAsync(ct);
    }

    private async Task<DispatchResult> DeliverAsync(List<OutboxMessage> claimed, CancellationToken ct)
    {
        var result = new DispatchResult();
        var maxAttempts = Math.Max(1, transport.Options.MaxAttempts);
        await using var session = transport.OpenSession();
        foreach (var message in claimed)
        {
            if (ct.IsCancellationRequested || clock.GetUtcNow() >= message.ClaimedUntil - ClaimSafetyMargin)
            {
                log.LogWarning("本轮认领即将到期，剩余邮件留待下一轮发送");
                break;
            }
            try
            {
                var mime = transport.Compose(message.ToAddress, message.ToName, message.Subject, message.Body,
                    message.Id.ToString("N"), message.CreatedAt, message.AttachmentName is { } file
                        ? new MailAttachment(file, message.AttachmentContentType ?? "application/octet-stream", message.AttachmentContent ?? "") : null);
                var where = await session.DeliverAsync(mime, ct);
                message.MarkSent(clock.GetUtcNow());
                result += new DispatchResult(1, 0, 0);
                log.LogInformation("邮件 {OutboxId}（{Template}）已投递给 {To}：{Where}", message.Id, message.TemplateKey, message.ToAddress, where);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var failure = ex as MailDeliveryException;
                message.RecordFailure(failure?.Message ?? "发送时出现意外错误，详情已记入系统日志；系统会自动重试。",
                    clock.GetUtcNow(), maxAttempts, failure?.Permanent == true);
                if (message.Status == OutboxStatus.Failed)
                {
                    result += new DispatchResult(0, 0, 1);
                    log.LogError(ex, "邮件 {OutboxId} 发给 {To} 失败 {Attempts} 次，已停止重试：{Error}",
                        message.Id, message.ToAddress, message.Attempts, message.LastError);
                }
                else
                {
                    result += new DispatchResult(0, 1, 0);
                    log.LogWarning(ex, "邮件 {OutboxId} 发给 {To} 第 {Attempts} 次失败，{Next} 重试：{Error}",
                        message.Id, message.ToAddress, message.Attempts, message.NextAttemptAt, message.LastError);
                }
            }
            await SaveAsync(message);
        }
        return result;
    }

    /// <summary>Records the outcome even while shutting down: a sent e-mail must not be sent again.</summary>
    private async Task SaveAsync(OutboxMessage message)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogWarning("邮件 {OutboxId} 的认领已被其他节点接管，本节点的发送结果未记录", message.Id);
            // Forget this outcome and the audit rows written for it; the other node's result stands.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList())
                entry.State = EntityState.Detached;
        }
    }
}
