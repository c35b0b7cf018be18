using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Conflicts;

/// <summary>The conflict rules the detector knows; each is a row per cycle that the office turns on or off.</summary>
public enum ConflictRuleKind
{
    /// <summary>现任或近 N 年任职于申报组织</summary>
    Employment,
    /// <summary>近 N 年为申报组织提供咨询</summary>
    Consulting,
    /// <summary>现任职于申报组织的推荐单位</summary>
    RecommendingBody,
    /// <summary>任职单位与申报组织同属一个企业集团</summary>
    EnterpriseGroup,
    /// <summary>评审员申报的亲属、利害关系</summary>
    PersonalRelation,
}

/// <summary>
/// 回避规则 — one rule of one cycle as data (docs/architecture.md, convention 3): on or off, and whether organisations are also matched
/// by normalised name where a 统一社会信用代码 is missing. The look-back years are the cycle's ConflictLookbackYears.
/// </summary>
public sealed class ConflictRule : Entity
{
    public Guid CycleId { get; private set; }
    public ConflictRuleKind Kind { get; private set; }
    public bool Enabled { get; private set; } = true;
    /// <summary>When a side has no 统一社会信用代码, compare normalised names (<see cref="OrganizationNames"/>).</summary>
    public bool MatchByName { get; private set; } = true;
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "系统";

    private ConflictRule() { }

    public ConflictRule(Guid cycleId, ConflictRuleKind kind, DateTimeOffset now)
    {
        CycleId = cycleId;
        Kind = kind;
        UpdatedAt = now;
    }

    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    public void Change(bool enabled, bool matchByName, string by, DateTimeOffset now)
    {
        if (Enabled == enabled && MatchByName == matchByName) return;
        Enabled = enabled;
        MatchByName = matchByName;
        UpdatedAt = now;
        UpdatedBy = by;
        RecordAction($"修改回避规则“{Kind.Display()}”：{(enabled ? "启用" : "停用")}{(matchByName ? "，无信用代码时按名称匹配" : "，仅按信用代码匹配")}");
    }
}

public static class ConflictText
{
    public static string Display(this ConflictRuleKind k) => k switch
    {
        ConflictRuleKind.Employment => "任职回避",
        ConflictRuleKind.Consulting => "咨询服务回避",
        ConflictRuleKind.RecommendingBody => "推荐单位回避",
        ConflictRuleKind.EnterpriseGroup => "同一企业集团回避",
        _ => "个人关系回避",
    };

    public static string Explain(this ConflictRuleKind k, int years) => k switch
    {
        ConflictRuleKind.Employment => $"评审员现任或近 {years} 年内曾任职于申报组织",
        ConflictRuleKind.Consulting => $"评审员近 {years} 年内为申报组织提供过咨询、培训等有偿服务（评审员自行申报）",
        ConflictRuleKind.RecommendingBody => "评审员现任职于该申报的推荐单位",
        ConflictRuleKind.EnterpriseGroup => $"评审员现任或近 {years} 年内任职的单位与申报组织同属一个企业集团",
        _ => "评审员申报的亲属在申报组织任职、持股等个人利害关系",
    };

    public static string Display(this ConflictSource s) => s switch
    {
        ConflictSource.Employment => "任职",
        ConflictSource.Consulting => "咨询服务",
        ConflictSource.RecommendingBody => "推荐单位",
        ConflictSource.EnterpriseGroup => "同一企业集团",
        ConflictSource.PersonalRelation => "个人关系",
        ConflictSource.ApplicantAvoidance => "申报组织申请回避",
        _ => "评审员自行申报",
    };

    public static string Display(this ConflictStatus s) => s switch
    {
        ConflictStatus.Pending => "待确认",
        ConflictStatus.Confirmed => "已确认",
        _ => "已排除",
    };

    public static string Badge(this ConflictStatus s) => s switch
    {
        ConflictStatus.Pending => "badge-warn",
        ConflictStatus.Confirmed => "badge-err",
        _ => "badge-ok",
    };
}

/// <summary>Reads and creates the rule rows of a cycle (every kind, on by default).</summary>
public static class ConflictRules
{
    public static async Task<List<ConflictRule>> ForCycleAsync(AppDbContext db, Guid cycleId, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Set<ConflictRule>().Where(r => r.CycleId == cycleId).ToListAsync(ct);
        foreach (var kind in Enum.GetValues<ConflictRuleKind>().Where(k => rows.All(r => r.Kind != k)))
        {
            var rule = new ConflictRule(cycleId, kind, now);
            db.Add(rule);
            rows.Add(rule);
        }
        return rows.OrderBy(r => r.Kind).ToList();
    }

    /// <summary>The rules as the pure detector takes them.</summary>
    public static ConflictRuleSet ToRuleSet(IReadOnlyList<ConflictRule> rows, int year, int lookbackYears)
    {
        ConflictRule? R(ConflictRuleKind k) => rows.FirstOrDefault(r => r.Kind == k);
        RuleSwitch S(ConflictRuleKind k) => R(k) is { } r ? new RuleSwitch(r.Enabled, r.MatchByName) : RuleSwitch.On;
        return new ConflictRuleSet(year, lookbackYears, S(ConflictRuleKind.Employment), S(ConflictRuleKind.Consulting),
            S(ConflictRuleKind.RecommendingBody), S(ConflictRuleKind.EnterpriseGroup), S(ConflictRuleKind.PersonalRelation));
    }
}
