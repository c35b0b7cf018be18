namespace Biaogan.Web.Features.Notifications;

public static partial class DefaultTemplates
{
    public const string ConfirmationOpened = "confirmation.opened";
    public const string ConfirmationReminder = "confirmation.reminder";
    public const string ConfirmationOverdue = "confirmation.overdue";

    /// <summary>获奖三年后确认 (第二十四条): the round opened, the reminder before its deadline, the notice after it.</summary>
    private static IEnumerable<MessageTemplate> ConfirmationTemplates() =>
    [
        T(ConfirmationOpened, "获奖三年后确认开始，请获奖组织提交确认材料", "请在 {{截止日期}} 前提交获奖三年确认材料（{{证书编号}}）",
            "{{收件人}}，您好：\n\n根据《实施细则》第二十四条，领导小组对获奖三年的标杆进行确认。{{组织名称}}的{{年度}}年度全国用户满意标杆（证书编号 {{证书编号}}）已进入确认程序，确认期间标杆名录显示“确认中”。\n请在 {{截止日期}} 前登录系统，填写 {{年份}} 年的经营管理变化、综合绩效和用户满意度测评结果，并提交组织声明：\n{{链接}}",
            "收件人,组织名称,年度,证书编号,截止日期,年份,链接"),
        T(ConfirmationReminder, "获奖三年确认材料截止前提醒尚未提交的组织", "提醒：请在 {{截止日期}} 前提交获奖三年确认材料",
            "{{收件人}}，您好：\n\n{{组织名称}}的获奖三年确认材料尚未提交，截止日期为 {{截止日期}}（《实施细则》第二十四条）。请尽快登录系统提交：\n{{链接}}",
            "收件人,组织名称,截止日期,链接"),
        T(ConfirmationOverdue, "获奖三年确认材料逾期后告知组织和活动办公室", "获奖三年确认材料已逾期：{{组织名称}}",
            "{{收件人}}，您好：\n\n{{组织名称}}的获奖三年确认材料截止日期 {{截止日期}} 已过，尚未提交。请尽快提交；活动办公室可将逾期情况提交领导小组审议：\n{{链接}}",
            "收件人,组织名称,截止日期,链接"),
    ];
}
