using System.Text.Json;

namespace Biaogan.Web.Infrastructure.Jobs;

/// <summary>
/// The handler of one kind of scheduled work, resolved from a fresh DI scope for every run (register it with
/// <see cref="JobsModule.AddScheduledWork{T}"/>).
/// <para>
/// Handlers must be <b>idempotent</b>: a node that dies mid-run leaves its item 执行中 until the lease runs out, and
/// then another node runs it again from the start. Write results so that a second run finds them and does nothing
/// twice (check a timestamp on the row you change, use conditional updates, key notifications by the item).
/// </para>
/// </summary>
public interface IScheduledWork
{
    /// <summary>The kind this handler runs (“scoring.reminders”); stored in every row it owns.</summary>
    string Kind { get; }

    /// <summary>What the office sees in the list (“资料评审评分提醒”).</summary>
    string Title => Kind;

    /// <summary>
    /// Does the work. Return a short Chinese summary (kept as the item's result) or null; throw to fail the attempt
    /// (it is retried with backoff up to the item's max attempts, then marked 失败 with the message).
    /// </summary>
    Task<string?> RunAsync(WorkItem work, CancellationToken ct);
}

/// <summary>
/// Scheduled work that repeats: after every occurrence (done or finally failed) the runner schedules the next one on
/// the <see cref="Recurrence"/> grid, keyed by its due time, so nodes that each schedule “the next one” agree on one row.
/// Every poll also makes sure a pending occurrence exists (when Jobs:Recurring is on).
/// </summary>
public interface IRecurringWork : IScheduledWork
{
    Recurrence Recurrence { get; }
}

/// <summary>One claimed item as its handler sees it.</summary>
public sealed record WorkItem(Guid Id, string Kind, string Key, string Payload, DateTimeOffset DueAt, int Attempt, int MaxAttempts, string NodeId)
{
    // Chinese stays readable in the table, on the office page and in the API.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The payload as <typeparamref name="T"/> (web JSON conventions, as it was written).</summary>
    public T Read<T>() => JsonSerializer.Deserialize<T>(Payload, Json)
        ?? throw new InvalidOperationException($"后台任务 {Kind}（{Key}）的参数为空。");

    internal static string Write(object? payload) => payload switch
    {
        null => "{}",
        _ => JsonSerializer.Serialize(payload, Json),
    };
}

/// <summary>
/// A grid of instants: every <see cref="Interval"/>, shifted by <see cref="Offset"/> from midnight UTC of 0001-01-01.
/// Two nodes asking for “the next occurrence after now” get the same instant, hence the same key.
/// </summary>
public sealed record Recurrence(TimeSpan Interval, TimeSpan Offset = default)
{
    public DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        if (Interval <= TimeSpan.Zero) throw new InvalidOperationException("重复任务的间隔必须大于零。");
        // Integer ticks (always positive after year 1), so the grid is exact and the same on every node.
        var ticks = instant.UtcTicks - Offset.Ticks;
        var next = (ticks / Interval.Ticks + 1) * Interval.Ticks;
        return new DateTimeOffset(next + Offset.Ticks, TimeSpan.Zero);
    }

    public static Recurrence Every(TimeSpan interval) => new(interval);

    /// <summary>Daily at a China Standard Time clock time (e.g. 00:05 for a chain-head publication).</summary>
    public static Recurrence DailyAtChinaTime(TimeOnly time)
    {
        var offset = time.ToTimeSpan() - Time.ChinaTime.Offset;
        if (offset < TimeSpan.Zero) offset += TimeSpan.FromDays(1);
        return new Recurrence(TimeSpan.FromDays(1), offset);
    }

    /// <summary>The idempotency key of the occurrence due at <paramref name="dueAt"/>.</summary>
    public static string KeyOf(DateTimeOffset dueAt) => dueAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
