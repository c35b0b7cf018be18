namespace Biaogan.Web.Features.Audit;

/// <summary>Chinese names for the record types and fields that appear in the audit trail.</summary>
public static partial class AuditLabels
{
    public static string Type(string type) => Types.TryGetValue(type, out var label) ? label : type;

    /// <summary>The field's Chinese name, with the stored name beside it when unknown.</summary>
    public static string Field(string field) => Fields.TryGetValue(field, out var label) ? label : field;

    public static IReadOnlyDictionary<string, string> KnownTypes => Types;

    public static IReadOnlyDictionary<string, string> KnownFields => Fields;

    /// <summary>Stored enum values in Chinese where the field is known (“Open” → “进行中”).</summary>
    public static string Value(string field, string value) => (field, value) switch
    {
        ("Status", _) when Enum.TryParse<Cycles.CycleStatus>(value, out var s) => Cycles.Cycle.StatusDisplay(s),
        // Values shared by many records: the review stage and the award category.
        ("Stage", "Document") => "资料评审",
        ("Stage", "OnSite") => "现场评审",
        ("Category", _) when Enum.TryParse<Cycles.AwardCategory>(value, out var c) => Cycles.Cycle.CategoryDisplay(c),
        ("TemplateKey", _) when Notifications.DefaultTemplates.Find(value) is { } template => template.Description,
        ("Settings.TrendRule", _) when Enum.TryParse<Cycles.TrendRule>(value, out var t) => Cycles.CycleSettings.TrendRuleDisplay(t),
        // A stage work report's figures (JSON): read on the report's page, not here.
        ("Snapshot", "（空）") => value,
        ("Snapshot", _) => "（报告数据，请在“阶段工作报告”页查看）",
        ("Settings.StageReportQuorum", _) when Enum.TryParse<Cycles.StageReportQuorum>(value, out var q) => Cycles.CycleSettings.QuorumDisplay(q),
        // A committee member's composition (第八、九条); Governance sits above the audit viewer, so its names are repeated here.
        ("Committee", "Review") => "评审委员会",
        ("Committee", "Approval") => "审定委员会",
        ("Affiliation", _) when Affiliations.TryGetValue(value, out var a) => a,
        _ => value,
    };

    private static readonly Dictionary<string, string> Affiliations = new()
    {
        ["Government"] = "政府主管部门", ["Industry"] = "行业", ["Region"] = "地区", ["QualityExpert"] = "质量专家", ["Reviewer"] = "评审员", ["Other"] = "其他",
    };
}
