namespace Biaogan.Web.Features.Notifications;

public static partial class DefaultTemplates
{
    public const string ConfirmationSeatAssigned = "confirmation.seat-assigned";
    public const string ConfirmationOpinionReminder = "confirmation.opinion-reminder";
    public const string ConfirmationOpinionSubmitted = "confirmation.opinion-submitted";

    /// <summary>获奖三年后确认's confirmation group (确认组): the seat, the reminder before the opinion deadline, the opinion in.</summary>
    private static IEnumerable<MessageTemplate> ConfirmationGroupTemplates() =>
    [
        T(ConfirmationSeatAssigned, "通知评审员参加获奖三年确认组", "请参加获奖三年确认：{{组织名称}}（{{角色}}）",
            "{{收件人}}，您好：\n\n活动办公室安排您参加{{批次}}的确认组（{{角色}}），对 {{组织名称}}（证书编号 {{证书编号}}）获奖三年来经营管理、综合绩效的稳定性及发展趋势提出意见（《实施细则》第二十四条）。\n请先签署无利益冲突声明和保密承诺；如存在利益冲突，请在同一页面如实申报。意见请于 {{截止日期}} 前提交：\n{{链接}}",
            "收件人,批次,组织名称,证书编号,角色,截止日期,链接"),
        T(ConfirmationOpinionReminder, "确认组意见截止前提醒尚未提交的成员", "提醒：请在 {{截止日期}} 前提交对 {{组织名称}} 的确认意见",
            "{{收件人}}，您好：\n\n您在 {{组织名称}} 确认组中的意见尚未提交，截止日期为 {{截止日期}}。请尽快登录系统提交：\n{{链接}}",
            "收件人,组织名称,截止日期,链接"),
        T(ConfirmationOpinionSubmitted, "确认组成员提交意见后通知活动办公室", "确认意见已提交：{{组织名称}}（{{意见类型}}）",
            "{{收件人}}，您好：\n\n{{评审员}} 已提交对 {{组织名称}} 的{{意见类型}}：{{建议}}。{{下一步}}\n{{链接}}",
            "收件人,评审员,组织名称,意见类型,建议,下一步,链接"),
    ];
}
