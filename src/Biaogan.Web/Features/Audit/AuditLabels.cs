namespace Biaogan.Web.Features.Audit;

/// <summary>Chinese names for the record types and fields that appear in the audit trail.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Types = new()
    {
        ["Cycle"] = "年度活动", ["CalendarYear"] = "日历年度", ["CalendarDay"] = "日历日期", ["AppUser"] = "用户账号",
        ["Application"] = "申报", ["Organization"] = "申报组织", ["RecommendingBody"] = "推荐单位",
        ["MessageTemplate"] = "通知模板", ["Invitation"] = "邀请",
    };

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Name"] = "名称", ["Year"] = "年度", ["Status"] = "状态", ["Quota"] = "标杆数量上限", ["StandardCode"] = "评审标准",
        ["MeasurementStandard"] = "满意度测评依据", ["CreatedAt"] = "创建时间", ["UpdatedAt"] = "更新时间",
        ["OpenedAt"] = "开启时间", ["ClosedAt"] = "结束时间", ["Published"] = "已发布", ["Papers"] = "通知来源",
        ["Source"] = "数据来源", ["Date"] = "日期", ["IsOffDay"] = "放假", ["NoticeYear"] = "通知年度",
        ["CorrectionNote"] = "更正说明", ["Id"] = "编号",
        ["Settings.SatisfactionThreshold"] = "满意度阈值", ["Settings.TrendRule"] = "发展趋势判定规则",
        ["Settings.MeasurementYears"] = "测评年数", ["Settings.SelfEvaluationTotalWordLimit"] = "自我评价报告总字数上限",
        ["Settings.SelfEvaluationSectionWordLimit"] = "每个类目字数上限", ["Settings.SelfEvaluationSectionMinWords"] = "每个类目最少字数",
        ["Settings.AllowedFileTypes"] = "允许的文件类型", ["Settings.MaxFileSizeMb"] = "单个文件大小上限（MB）",
        ["Settings.MaxApplicationFilesMb"] = "每份申报文件总大小上限（MB）", ["Settings.SupplementDeadlineWorkdays"] = "补正期限（工作日）",
        ["Settings.PublicNoticeWorkdays"] = "公示期（工作日）", ["Settings.PublicationDayCounts"] = "发布当日计入公示期",
        ["Email"] = "邮箱", ["DisplayName"] = "姓名", ["Role"] = "角色", ["Title"] = "标题", ["Subject"] = "主题", ["Body"] = "正文",
    };

    public static string Type(string type) => Types.TryGetValue(type, out var label) ? label : type;

    /// <summary>The field's Chinese name, with the stored name beside it when unknown.</summary>
    public static string Field(string field) => Fields.TryGetValue(field, out var label) ? label : field;

    public static IReadOnlyDictionary<string, string> KnownTypes => Types;

    /// <summary>Stored enum values in Chinese where the field is known (“Open” → “进行中”).</summary>
    public static string Value(string field, string value) => (field, value) switch
    {
        ("Status", _) when Enum.TryParse<Cycles.CycleStatus>(value, out var s) => Cycles.Cycle.StatusDisplay(s),
        ("Settings.TrendRule", _) when Enum.TryParse<Cycles.TrendRule>(value, out var t) => Cycles.CycleSettings.TrendRuleDisplay(t),
        _ => value,
    };
}
