using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Applications.Gates;

/// <summary>The places where a stage is closed or a list made final (关口), each asking the stages before it what is unfinished.</summary>
public enum StageGate
{
    /// <summary>确定入围名单 — 资料评审 of the category must be finished.</summary>
    Shortlist,
    /// <summary>结束现场评审阶段 — every visit approved by the office.</summary>
    OnSite,
    /// <summary>确定综合评价推荐名单 (or 无推荐) — no application of the category still in 资料评审, 补正 or 现场评审.</summary>
    Evaluation,
    /// <summary>完成审定 — no objection of the 公示 still open.</summary>
    Approval,
}

/// <summary>An application a gate found unfinished: its name and where it stands, in Chinese.</summary>
public sealed record UnfinishedApplication(Guid ApplicationId, string Name, string State);

/// <summary>An application the office left out when passing a gate, with the state it was in and the reason recorded.</summary>
public sealed class LeftOutApplication
{
    public Guid ApplicationId { get; set; }
    public string Name { get; set; } = "";
    public string State { get; set; } = "";
    public string Reason { get; set; } = "";
}

/// <summary>
/// A gate passed (关口记录): when, by whom, and the applications left out with their reasons. The year's work report
/// lists the left-out ones, so no list silently loses an application.
/// </summary>
public sealed class GatePassage : Entity
{
    public Guid CycleId { get; private set; }
    public StageGate Gate { get; private set; }
    public AwardCategory? Category { get; private set; }
    public DateTimeOffset PassedAt { get; private set; }
    public string PassedBy { get; private set; } = "";
    public List<LeftOutApplication> LeftOut { get; private set; } = [];

    private GatePassage() { }

    private GatePassage(Guid cycleId, StageGate gate, AwardCategory? category, string passedBy, List<LeftOutApplication> leftOut, DateTimeOffset now)
    {
        CycleId = cycleId;
        Gate = gate;
        Category = category;
        PassedBy = passedBy;
        PassedAt = now;
        LeftOut = leftOut;
        RecordAction($"{GateText.Display(gate, category)}，留出 {leftOut.Count} 项申报" +
                     (leftOut.Count == 0 ? "" : "：" + string.Join("；", leftOut.Select(l => $"{l.Name}（{l.State}）：{l.Reason}"))));
    }

    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    /// <summary>
    /// Passes the gate: refused, with a message naming every unfinished application, unless the office gave a reason for
    /// each one it leaves out. Reasons for applications that are not unfinished are ignored.
    /// </summary>
    public static GatePassage Pass(Guid cycleId, StageGate gate, AwardCategory? category, IReadOnlyList<UnfinishedApplication> unfinished,
        IReadOnlyDictionary<Guid, string>? reasons, string passedBy, DateTimeOffset now)
    {
        var missing = unfinished.Where(u => string.IsNullOrWhiteSpace(reasons?.GetValueOrDefault(u.ApplicationId))).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException($"{GateText.Display(gate, category)}前，以下 {missing.Count} 项申报尚未完成：" +
                string.Join("、", missing.Select(m => $"{m.Name}（{m.State}）")) +
                $"。请先完成，或逐项填写留出的原因后再{GateText.Verb(gate)}。");
        var leftOut = unfinished.Select(u => new LeftOutApplication
        {
            ApplicationId = u.ApplicationId, Name = u.Name, State = u.State, Reason = reasons![u.ApplicationId].Trim(),
        }).ToList();
        return new GatePassage(cycleId, gate, category, passedBy, leftOut, now);
    }
}

public static class GateText
{
    /// <summary>“确定企业类入围名单”.</summary>
    public static string Display(StageGate gate, AwardCategory? category)
    {
        var k = category is { } c ? Cycle.CategoryDisplay(c) : "";
        return gate switch
        {
            StageGate.Shortlist => $"确定{k}入围名单",
            StageGate.OnSite => "结束现场评审阶段",
            StageGate.Evaluation => $"确定{k}综合评价结果",
            _ => "完成审定",
        };
    }

    public static string Verb(StageGate gate) => gate switch
    {
        StageGate.Shortlist or StageGate.Evaluation => "确定",
        StageGate.OnSite => "结束",
        _ => "完成审定",
    };
}
