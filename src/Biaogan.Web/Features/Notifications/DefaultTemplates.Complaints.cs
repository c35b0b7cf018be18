namespace Biaogan.Web.Features.Notifications;

/// <summary>The notices of public complaints (第二十七、三十二条, docs/decisions/0046); editable at /Notifications/Templates.</summary>
public static partial class DefaultTemplates
{
    public const string ComplaintReceived = "complaint.received";
    public const string ComplaintReceipt = "complaint.receipt";

    private static IEnumerable<MessageTemplate> ComplaintTemplates() =>
    [
        T(ComplaintReceived, "收到公众投诉后告知活动办公室", "收到公众投诉 {{受理编号}}：{{涉及组织}}",
            "{{收件人}}，您好：\n\n{{受理时间}} 收到一项公众投诉（受理编号 {{受理编号}}）：{{投诉事项}}，涉及“{{涉及组织}}”（{{是否标杆}}）。请登录系统查看投诉内容和证明材料并开展调查：\n{{链接}}",
            "收件人,受理编号,投诉事项,涉及组织,是否标杆,受理时间,链接"),
        T(ComplaintReceipt, "受理公众投诉后告知投诉人（填写了电子邮箱时）", "投诉已受理：{{受理编号}}",
            "{{收件人}}，您好：\n\n您于 {{受理时间}} 提出的投诉（{{投诉事项}}，涉及“{{涉及组织}}”）已受理，受理编号 {{受理编号}}。活动办公室将依规调查处理，您可凭受理编号和提交时填写的联系电话查询办理进度：\n{{链接}}",
            "收件人,受理编号,投诉事项,涉及组织,是否标杆,受理时间,链接"),
    ];
}
