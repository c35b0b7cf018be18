using System.Text.Json.Serialization;
using Biaogan.Web.Infrastructure.Data;

namespace Biaogan.Web.Features.Assignment;

/// <summary>What a solver run does.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobKind>))]
public enum JobKind
{
    /// <summary>重新分配全部专家组</summary>
    Full,
    /// <summary>只补齐空缺（其余席位保持不变，AssignmentSolver.Resolve）</summary>
    Gaps,
}

[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    /// <summary>排队中</summary>
    Queued,
    /// <summary>求解中</summary>
    Running,
    /// <summary>已完成 — a plan was made (or the problem was shown to have none; see Message).</summary>
    Finished,
    /// <summary>出错</summary>
    Failed,
}

public static class JobText
{
    public static string Display(this JobKind k) => k == JobKind.Full ? "全部重新分配" : "补齐空缺";

    public static string Display(this JobStatus s) => s switch
    {
        JobStatus.Queued => "排队中",
        JobStatus.Running => "求解中",
        JobStatus.Finished => "已完成",
        _ => "出错",
    };
}

/// <summary>
/// 求解任务 — a solver run as a row, so that its progress survives page reloads and any app node may run it: the
/// scheduled work <see cref="AssignmentSolveWork"/> (claimed by one node through the scheduled-work table) runs it, writes the phase, objective and
/// bound as the solver reports them, and links the plan it made. Not audited per progress write (figures only).
/// </summary>
public sealed class AssignmentJob : Entity
{
    public Guid CycleId { get; private set; }
    public ReviewStage Stage { get; private set; }
    public JobKind Kind { get; private set; }
    public int TimeLimitSeconds { get; private set; }
    public JobStatus Status { get; set; } = JobStatus.Queued;
    /// <summary>The solver phase (SolverPhase name) last reported.</summary>
    public string Phase { get; set; } = "";
    /// <summary>The solver's last Chinese message, or the outcome.</summary>
    public string Message { get; set; } = "等待后台开始求解……";
    public long? Objective { get; set; }
    public double? Bound { get; set; }
    public int Solutions { get; set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The node that claimed the job.</summary>
    public string? ClaimedBy { get; set; }
    public Guid? PlanId { get; set; }

    private AssignmentJob() { }

    public AssignmentJob(Guid cycleId, ReviewStage stage, JobKind kind, int timeLimitSeconds, string requestedBy, DateTimeOffset now)
    {
        CycleId = cycleId;
        Stage = stage;
        Kind = kind;
        TimeLimitSeconds = Math.Clamp(timeLimitSeconds, MinSeconds, MaxSeconds);
        RequestedBy = requestedBy;
        RequestedAt = now;
        RecordAction($"启动{stage.Display()}分配求解（{kind.Display()}，时间限制 {TimeLimitSeconds} 秒）");
    }

    public const int MinSeconds = 1;
    public const int MaxSeconds = 3600;

    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    /// <summary>Relative gap between the objective so far and the bound (0 = optimal), or null.</summary>
    public double? Gap => Objective is not { } o || Bound is not { } b ? null : o == 0 ? 0 : Math.Max(0, (o - b) / o);

    public bool IsDone => Status is JobStatus.Finished or JobStatus.Failed;
}
