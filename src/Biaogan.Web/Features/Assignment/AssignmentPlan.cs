using System.Text.Json.Serialization;
using System.Text.Json;
using Biaogan.Web.Features.Assignment.Solver;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Assignment;

/// <summary>Where a plan came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanSource>))]
public enum PlanSource
{
    /// <summary>求解器</summary>
    Solver,
    /// <summary>手工调整</summary>
    Manual,
    /// <summary>Excel 上传</summary>
    Spreadsheet,
}

/// <summary>Where a plan stands: 草稿 → 已执行, or 已放弃 / 已被取代.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanStatus>))]
public enum PlanStatus
{
    /// <summary>草稿 — previewed, not yet applied.</summary>
    Draft,
    /// <summary>已执行 — its groups were formed.</summary>
    Applied,
    /// <summary>已放弃 — the office discarded it.</summary>
    Discarded,
    /// <summary>已被取代 — a manual edit or another plan's application replaced it.</summary>
    Superseded,
}

/// <summary>One planned group of a plan (组长 may be null when none could be chosen).</summary>
public sealed record PlannedGroup(Guid ApplicationId, List<Guid> ReviewerIds, Guid? LeaderId);

public static class PlanText
{
    public static string Display(this PlanSource s) => s switch
    {
        PlanSource.Solver => "求解器",
        PlanSource.Manual => "手工调整",
        _ => "Excel 上传",
    };

    public static string Display(this PlanStatus s) => s switch
    {
        PlanStatus.Draft => "草稿",
        PlanStatus.Applied => "已执行",
        PlanStatus.Discarded => "已放弃",
        _ => "已被取代",
    };

    public static string Badge(this PlanStatus s) => s switch
    {
        PlanStatus.Draft => "badge-info",
        PlanStatus.Applied => "badge-ok",
        _ => "",
    };
}

/// <summary>
/// 分配方案 — the one plan → preview → apply path (HotCRP's AssignmentSet) for a cycle and review stage, whoever
/// made it: the solver, the office's manual edits or an uploaded spreadsheet. A plan records the fingerprint of the
/// groups it was made against; when they have changed since (a decline, another plan applied) it is stale and cannot
/// be applied — the office re-plans from the current groups instead.
/// </summary>
public sealed class AssignmentPlan : Entity
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid CycleId { get; private set; }
    public ReviewStage Stage { get; private set; }
    public PlanSource Source { get; private set; }
    /// <summary>The plan this one was edited from, if any.</summary>
    public Guid? BasedOnPlanId { get; private set; }
    /// <summary>The planned groups as JSON (<see cref="PlannedGroup"/> list); read through <see cref="Groups"/>.</summary>
    public string GroupsJson { get; private set; } = "[]";
    /// <summary>Fingerprint of the current groups when the plan was made (<see cref="PlanBaseline"/>).</summary>
    public string BaselineFingerprint { get; private set; } = "";
    /// <summary>Expertise costs plus same-region penalties (<see cref="AssignmentChecker"/>).</summary>
    public long? Objective { get; private set; }
    /// <summary>The solver's flow bound; null for manual and spreadsheet plans.</summary>
    public long? FlowBound { get; private set; }
    /// <summary>Relative gap to the best proven lower bound; 0 = optimal.</summary>
    public double? Gap { get; private set; }
    /// <summary>A Chinese line on how the plan was made (the solver's summary, the edit made, the file uploaded).</summary>
    public string Summary { get; private set; } = "";
    public PlanStatus Status { get; private set; } = PlanStatus.Draft;
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string? AppliedBy { get; private set; }
    public DateTimeOffset? AppliedAt { get; private set; }
    /// <summary>The office's reason for applying despite a broken rule that needs one (负荷上限、同单位、组长资格).</summary>
    public string? OverrideReason { get; private set; }
    /// <summary>第七条: when the leading group approved this plan (null = not approved; needed unless the cycle delegated plans to the office).</summary>
    public DateTimeOffset? LeadingGroupApprovedAt { get; private set; }
    public string? LeadingGroupApprovedBy { get; private set; }

    private AssignmentPlan() { }

    public AssignmentPlan(Guid cycleId, ReviewStage stage, PlanSource source, IEnumerable<PlannedGroup> groups, string baseline,
        string summary, string createdBy, DateTimeOffset now, Guid? basedOn = null)
    {
        CycleId = cycleId;
        Stage = stage;
        Source = source;
        BasedOnPlanId = basedOn;
        GroupsJson = JsonSerializer.Serialize(groups.OrderBy(g => g.ApplicationId).ToList(), Json);
        BaselineFingerprint = baseline;
        Summary = summary;
        CreatedBy = createdBy;
        CreatedAt = now;
        RecordAction($"生成{stage.Display()}分配方案（{source.Display()}）");
    }

    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    public IReadOnlyList<PlannedGroup> Groups() => JsonSerializer.Deserialize<List<PlannedGroup>>(GroupsJson, Json) ?? [];

    public AssignmentSolution ToSolution() =>
        new(Groups().Select(g => new AssignmentGroup(g.ApplicationId, g.ReviewerIds, g.LeaderId)).ToList());

    public void RecordFigures(long? objective, long? flowBound, double? gap)
    {
        Objective = objective;
        FlowBound = flowBound;
        Gap = gap;
    }

    public bool IsStale(string currentFingerprint) => Status == PlanStatus.Draft && currentFingerprint != BaselineFingerprint;

    /// <summary>The plan's groups were formed. Staleness and broken rules are checked by <see cref="PlanApplier"/> first.</summary>
    public void MarkApplied(string by, string? reason, DateTimeOffset now)
    {
        EnsureDraft("执行");
        Status = PlanStatus.Applied;
        AppliedBy = by;
        AppliedAt = now;
        OverrideReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        RecordAction(OverrideReason is null ? "执行分配方案" : $"执行分配方案（说明：{OverrideReason}）");
    }

    /// <summary>The leading group approved this draft (the decision itself is recorded by the Governance feature).</summary>
    public void ApproveByLeadingGroup(string by, DateTimeOffset now)
    {
        EnsureDraft("报批");
        LeadingGroupApprovedAt = now;
        LeadingGroupApprovedBy = by;
        RecordAction("领导小组批准分配方案");
    }

    /// <summary>Whether the plan may be applied as far as the leading group is concerned (第七条).</summary>
    public bool LeadingGroupAllows(bool delegatedToOffice) => delegatedToOffice || LeadingGroupApprovedAt is not null;

    public void Discard()
    {
        EnsureDraft("放弃");
        Status = PlanStatus.Discarded;
        RecordAction("放弃分配方案");
    }

    /// <summary>A newer plan replaced this draft (an edit made from it, or another plan applied).</summary>
    public void Supersede()
    {
        if (Status != PlanStatus.Draft) return;
        Status = PlanStatus.Superseded;
        RecordAction("分配方案被新方案取代");
    }

    public void EnsureDraft(string verb)
    {
        if (Status != PlanStatus.Draft)
            throw new DomainRuleException($"该方案已{Status.Display()}，不能再{verb}。请在分配页面查看最新方案或重新生成。");
    }
}
