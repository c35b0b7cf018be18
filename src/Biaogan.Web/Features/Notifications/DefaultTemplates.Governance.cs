namespace Biaogan.Web.Features.Notifications;

/// <summary>第七条: the leading group hears that a matter waits for it; the office hears what it decided.</summary>
public static partial class DefaultTemplates
{
    public const string LeadingGroupMatterWaiting = "governance.matter-waiting";
    public const string LeadingGroupDecided = "governance.decided";

    private static IEnumerable<MessageTemplate> GovernanceTemplates() =>
    [
        T(LeadingGroupMatterWaiting, "提请领导小组决定的事项（告知领导小组成员）", "待领导小组决定：{{年度}}年度{{事项}}",
            "{{收件人}}，您好：\n\n活动办公室提请领导小组决定{{年度}}年度的“{{事项}}”（《实施细则》第七条）。\n内容：{{内容}}\n\n请登录后在“领导小组决定”页面记录表决结果：\n{{链接}}",
            "收件人,年度,事项,内容,链接"),
        T(LeadingGroupDecided, "领导小组作出决定后告知活动办公室", "领导小组决定：{{年度}}年度{{事项}}{{决定}}",
            "{{收件人}}，您好：\n\n领导小组已就{{年度}}年度的“{{事项}}”作出决定：{{决定}}。\n表决：{{表决}}\n理由：{{理由}}\n\n查看决定记录：\n{{链接}}",
            "收件人,年度,事项,决定,表决,理由,链接"),
    ];
}
