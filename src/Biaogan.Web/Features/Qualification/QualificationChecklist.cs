using System.Text.Json.Serialization;

namespace Biaogan.Web.Features.Qualification;

/// <summary>资格审查结论.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QualificationOutcome>))]
public enum QualificationOutcome
{
    /// <summary>通过</summary>
    Pass,
    /// <summary>不通过</summary>
    Fail,
    /// <summary>补正</summary>
    Supplement,
}

/// <summary>The office's verdict on one checklist item.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChecklistVerdict>))]
public enum ChecklistVerdict
{
    /// <summary>满足</summary>
    Satisfied,
    /// <summary>不满足</summary>
    NotSatisfied,
    /// <summary>待补正</summary>
    NeedsSupplement,
}

/// <summary>
/// What the office checks in 资格审查 (第十六条: 基本条件、评价意见和材料的完整性): the five conditions of
/// 第十四条, the completeness of the materials and the recommending body's opinion (第十五条).
/// </summary>
public static class QualificationChecklist
{
    public sealed record Item(string Code, string Title, string Basis);

    public const string SelfEvaluation = "C1";
    public const string QualitySystem = "C2";
    public const string Satisfaction = "C3";
    public const string NoAccidents = "C4";
    public const string Integrity = "C5";
    public const string Completeness = "DOCS";
    public const string Recommendation = "REC";

    public static readonly IReadOnlyList<Item> Items =
    [
        new(SelfEvaluation, "践行“以用户为中心”的经营理念，对照评审标准开展自我评价，并取得显著成效", "第十四条第一项"),
        new(QualitySystem, "实施并保持质量管理体系且已获认证注册；有强制性要求的产品已获认证注册", "第十四条第二项"),
        new(Satisfaction, "经具有资质的第三方测评，最近三年用户满意度达到较好水平或发展趋势", "第十四条第三项"),
        new(NoAccidents, "近三年无重大质量、安全和环境事故及重大用户投诉", "第十四条第四项"),
        new(Integrity, "境内合法注册，依法诚信经营，近三年无严重违法违规行为", "第十四条、第十四条第五项"),
        new(Completeness, "申报材料完整：申报表、自我评价报告及必要的证实性材料", "第十五条、第十六条"),
        new(Recommendation, "推荐单位已出具推荐意见，并附签字盖章的推荐函", "第十五条"),
    ];

    public static Item? Find(string code) => Items.FirstOrDefault(i => i.Code == code);

    public static string Display(this QualificationOutcome o) => o switch
    {
        QualificationOutcome.Pass => "通过",
        QualificationOutcome.Fail => "不通过",
        _ => "补正",
    };

    public static string Badge(this QualificationOutcome o) => o switch
    {
        QualificationOutcome.Pass => "badge-ok",
        QualificationOutcome.Fail => "badge-err",
        _ => "badge-warn",
    };

    public static string Display(this ChecklistVerdict v) => v switch
    {
        ChecklistVerdict.Satisfied => "满足",
        ChecklistVerdict.NotSatisfied => "不满足",
        _ => "待补正",
    };

    public static string Badge(this ChecklistVerdict v) => v switch
    {
        ChecklistVerdict.Satisfied => "badge-ok",
        ChecklistVerdict.NotSatisfied => "badge-err",
        _ => "badge-warn",
    };
}
