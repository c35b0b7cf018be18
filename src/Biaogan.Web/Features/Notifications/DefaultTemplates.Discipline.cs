namespace Biaogan.Web.Features.Notifications;

/// <summary>The notices of discipline (第二十八、二十九条, docs/decisions/0042); editable at /Notifications/Templates like every template.</summary>
public static partial class DefaultTemplates
{
    public const string DisciplineForDecision = "discipline.for-decision";
    public const string DisciplineDecided = "discipline.decided";
    public const string DisciplineQualificationRevoked = "discipline.qualification-revoked";
    public const string DisciplineSeatsToRefill = "discipline.seats-to-refill";

    private static IEnumerable<MessageTemplate> DisciplineTemplates() =>
    [
        T(DisciplineForDecision, "处分建议提交领导小组审议（告知领导小组成员）", "处分建议待您表决：{{组织名称}}（{{处分编号}}）",
            "{{收件人}}，您好：\n\n活动办公室提请对{{组织名称}}给予“{{处分种类}}”（《实施细则》第二十九条），处分编号 {{处分编号}}。\n理由：{{理由}}\n请登录系统查看证明材料并表决：\n{{链接}}",
            "收件人,组织名称,处分编号,处分种类,理由,链接"),
        T(DisciplineDecided, "领导小组决定给予批评或警告（告知申报组织及其推荐单位）", "纪律处分决定：{{组织名称}}（{{处分编号}}）",
            "{{收件人}}，您好：\n\n经领导小组审议，依据《实施细则》第二十九条（申报、接受评审的组织要实事求是，不弄虚作假），决定对{{组织名称}}在{{年度}}年度全国用户满意标杆活动中给予“{{处分种类}}”处分。\n理由：{{理由}}\n如有异议，请与活动办公室联系。\n查看：\n{{链接}}",
            "收件人,组织名称,年度,处分编号,处分种类,理由,链接"),
        T(DisciplineQualificationRevoked, "领导小组决定撤销申报及接受评审资格（告知申报组织及其推荐单位）", "撤销申报及接受评审资格：{{组织名称}}（{{处分编号}}）",
            "{{收件人}}，您好：\n\n经领导小组审议，依据《实施细则》第二十九条，决定撤销{{组织名称}}{{年度}}年度全国用户满意标杆申报（{{申报编号}}）的申报及接受评审资格，自 {{撤销日期}} 起生效。该申报已退出本年度评审的各个环节。\n理由：{{理由}}\n如有异议，请与活动办公室联系。\n查看：\n{{链接}}",
            "收件人,组织名称,年度,申报编号,处分编号,撤销日期,理由,链接"),
        T(DisciplineSeatsToRefill, "评审员被暂停或撤销资格后，请活动办公室补充专家组席位", "请补充专家组席位：{{评审员}}的 {{席位数}} 个席位已结束",
            "{{收件人}}，您好：\n\n评审员{{评审员}}的资格已{{变化}}（《实施细则》第二十八条），其尚未完成的 {{席位数}} 个专家组席位已结束：{{申报列表}}。\n请在专家组分配中按“生成方案 → 预览 → 应用”的流程补充评审员：\n{{链接}}",
            "收件人,评审员,变化,席位数,申报列表,链接"),
    ];
}
