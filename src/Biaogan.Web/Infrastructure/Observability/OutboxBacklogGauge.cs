using System.Diagnostics.Metrics;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Observability;

/// <summary>
/// biaogan.outbox.messages{status}: e-mails waiting (pending), failed for good (failed), and pending ones already
/// past their due time (overdue) — what an alert on a stuck mail server watches. Counted in the database at each
/// scrape (an indexed count), at most once per 10 seconds, so every node reports the shared outbox.
/// </summary>
public sealed class OutboxBacklogGauge(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxBacklogGauge> log)
{
    private readonly Lock _gate = new();
    private (long Pending, long Overdue, long Failed, DateTimeOffset At)? _last;

    public void Register() => BiaoganMetrics.Observe("biaogan.outbox.messages", Read, "E-mail outbox messages by status");

    private IEnumerable<Measurement<long>> Read()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_last is not { } last || now - last.At > TimeSpan.FromSeconds(10))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var outbox = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().AsNoTracking();
                    var byStatus = outbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToList();
                    var overdue = outbox.LongCount(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt < now.AddMinutes(-5));
                    _last = (byStatus.Where(s => s.Key == OutboxStatus.Pending).Sum(s => s.Count), overdue,
                        byStatus.Where(s => s.Key == OutboxStatus.Failed).Sum(s => s.Count), now);
                }
                catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
                {
                    log.LogWarning(ex, "读取邮件发件箱积压数量失败。");
                    return [];
                }
            }
            var v = _last!.Value;
            return
            [
                new(v.Pending, new KeyValuePair<string, object?>("status", "pending")),
                new(v.Overdue, new KeyValuePair<string, object?>("status", "overdue")),
                new(v.Failed, new KeyValuePair<string, object?>("status", "failed")),
            ];
        }
    }
}
