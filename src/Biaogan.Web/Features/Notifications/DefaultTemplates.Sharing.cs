namespace Biaogan.Web.Features.Notifications;

/// <summary>The notices of experience sharing (第二十五、三十一条, docs/decisions/0045); editable like every template.</summary>
public static partial class DefaultTemplates
{
    public const string SharingInvitation = "sharing.invitation";
    public const string SharingAnswerReminder = "sharing.answer-reminder";
    public const string SharingPracticeSubmitted = "sharing.practice-submitted";
    public const string SharingPracticeApproved = "sharing.practice-approved";
    public const string SharingPracticeReturned = "sharing.practice-returned";

    private static IEnumerable<MessageTemplate> SharingTemplates() =>
    [
        T(SharingInvitation, "邀请标杆参加经验交流大会或推广活动", "邀请：{{活动名称}}（{{活动日期}}）",
            "{{收件人}}，您好：\n\n根据《实施细则》第二十五条，活动办公室诚邀{{组织名称}}参加{{活动类型}}“{{活动名称}}”。\n主题：{{活动主题}}\n日期：{{活动日期}}\n地点：{{活动地点}}\n\n请在活动开始前登录系统答复是否参加、参会人员以及是否愿意发言，并可上传交流材料：\n{{链接}}",
            "收件人,组织名称,活动类型,活动名称,活动主题,活动日期,活动地点,链接"),
        T(SharingAnswerReminder, "活动开始前提醒尚未答复的标杆", "提醒：请答复是否参加“{{活动名称}}”",
            "{{收件人}}，您好：\n\n{{组织名称}}尚未答复是否参加{{活动类型}}“{{活动名称}}”（{{活动日期}}，{{活动地点}}）。活动开始后将不能在系统中答复，请尽快答复：\n{{链接}}",
            "收件人,组织名称,活动类型,活动名称,活动主题,活动日期,活动地点,链接"),
        T(SharingPracticeSubmitted, "获奖组织提交经验案例后告知活动办公室", "待审核的经验案例：{{组织名称}}",
            "{{收件人}}，您好：\n\n{{组织名称}}提交了经验案例“{{案例标题}}”，请审核后发布或退回修改：\n{{链接}}",
            "收件人,组织名称,案例标题,状态,原因,发布日期,链接"),
        T(SharingPracticeApproved, "经验案例审核通过并公开发布后告知获奖组织", "经验案例已发布：{{案例标题}}",
            "{{收件人}}，您好：\n\n{{组织名称}}的经验案例“{{案例标题}}”已经活动办公室审核，于 {{发布日期}} 在“经验案例”公开页面发布。\n查看：{{链接}}",
            "收件人,组织名称,案例标题,状态,原因,发布日期,链接"),
        T(SharingPracticeReturned, "经验案例被退回修改或撤下后告知获奖组织", "经验案例{{状态}}：{{案例标题}}",
            "{{收件人}}，您好：\n\n{{组织名称}}的经验案例“{{案例标题}}”{{状态}}。\n原因：{{原因}}\n\n请修改后重新提交：\n{{链接}}",
            "收件人,组织名称,案例标题,状态,原因,发布日期,链接"),
    ];
}
