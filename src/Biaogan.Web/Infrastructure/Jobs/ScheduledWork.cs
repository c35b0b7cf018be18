using System.Text.Json.Serialization;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Infrastructure.Jobs;

/// <summary>Where a scheduled item stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkState>))]
public enum WorkState
{
    /// <summary>待执行 — due now or later (also after a failed attempt, until its retry time).</summary>
    Pending,
    /// <summary>执行中 — claimed by a node whose lease has not run out.</summary>
    Running,
    /// <summary>已完成</summary>
    Done,
    /// <summary>失败 — every attempt failed; the office may 重试.</summary>
    Failed,
}

public static class WorkStateText
{
    public static string Display(this WorkState s) => s switch
    {
        WorkState.Pending => "待执行",
        WorkState.Running => "执行中",
        WorkState.Done => "已完成",
        _ => "失败",
    };
}

/// <summary>
/// 后台任务 — one piece of due work as a row: a reminder round, a solver run, a deadline years ahead. Any app node may
/// claim it once it is due (<see cref="WorkRunner"/>); the (Kind, Key) pair is unique, so scheduling the same work twice
/// leaves one row. Claims, leases and outcomes are written by the runner with conditional updates; the office's 重试
/// goes through <see cref="Retry"/>.
/// </summary>
public sealed class ScheduledWork : Entity
{
    public const int KindLength = 100;
    public const int KeyLength = 200;
    public const int TextLength = 2000;

    /// <summary>Which <see cref="IScheduledWork"/> handler runs it (“scoring.reminders”).</summary>
    public string Kind { get; private set; } = "";
    /// <summary>The idempotency key within the kind (“2026-11-27T03:00:00Z”, a job id, an incident id).</summary>
    public string Key { get; private set; } = "";
    /// <summary>JSON handed to the handler.</summary>
    public string Payload { get; private set; } = "{}";
    /// <summary>When it may run (UTC; shown in China Standard Time); after a failed attempt, when it is retried.</summary>
    public DateTimeOffset DueAt { get; private set; }
    /// <summary>Attempts started so far (a node that died mid-run counts as one).</summary>
    public int Attempts { get; private set; }
    public int MaxAttempts { get; private set; }
    public WorkState State { get; private set; } = WorkState.Pending;
    /// <summary>The runner (node) that claimed it last.</summary>
    public string? ClaimedBy { get; private set; }
    /// <summary>The lease: after this instant another node may take a 执行中 item over.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>What the handler reported, in Chinese.</summary>
    public string? Result { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    private ScheduledWork() { }

    public ScheduledWork(string kind, string key, string payload, DateTimeOffset dueAt, int maxAttempts, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(kind) || kind.Length > KindLength) throw new ArgumentException("后台任务的类型不能为空，且不超过 100 个字符。", nameof(kind));
        if (string.IsNullOrWhiteSpace(key) || key.Length > KeyLength) throw new ArgumentException("后台任务的键不能为空，且不超过 200 个字符。", nameof(key));
        Kind = kind;
        Key = key;
        Payload = payload;
        DueAt = dueAt.ToUniversalTime();
        MaxAttempts = Math.Max(1, maxAttempts);
        CreatedAt = now.ToUniversalTime();
        RecordAction($"安排后台任务 {kind}（{key}），{ChinaTime.Format(DueAt)} 到期");
    }

    /// <summary>重试: a failed item runs again as soon as a node is free, with a fresh set of attempts.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (State != WorkState.Failed)
            throw new DomainRuleException($"只有失败的后台任务可以重试，这项任务目前{State.Display()}。请刷新页面查看最新状态。");
        State = WorkState.Pending;
        Attempts = 0;
        DueAt = now.ToUniversalTime();
        ClaimedUntil = null;
        FinishedAt = null;
        RecordAction($"重试后台任务 {Kind}（{Key}）");
    }

    /// <summary>Wait before attempt n+1 after n failed attempts: 1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int failedAttempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 10))));

    public static string Shorten(string text) => text.Length > TextLength ? text[..TextLength] : text;
}

internal sealed class ScheduledWorkConfiguration : IEntityTypeConfiguration<ScheduledWork>
{
    public void Configure(EntityTypeBuilder<ScheduledWork> b)
    {
        b.ToTable("ScheduledWork");
        b.Property(w => w.Kind).HasMaxLength(ScheduledWork.KindLength);
        b.Property(w => w.Key).HasMaxLength(ScheduledWork.KeyLength);
        b.Property(w => w.ClaimedBy).HasMaxLength(200);
        b.Property(w => w.LastError).HasMaxLength(ScheduledWork.TextLength);
        b.Property(w => w.Result).HasMaxLength(ScheduledWork.TextLength);
        // The idempotency key: scheduling the same work twice is one row, whichever node asks.
        b.HasIndex(w => new { w.Kind, w.Key }).IsUnique();
        b.HasIndex(w => new { w.State, w.DueAt });
    }
}
