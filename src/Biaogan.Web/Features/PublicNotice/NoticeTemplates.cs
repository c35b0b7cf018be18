namespace Biaogan.Web.Features.PublicNotice;

/// <summary>The notification templates of 公示 and 异议 (texts in <see cref="Notifications.DefaultTemplates"/>, editable by the office).</summary>
public static class NoticeTemplates
{
    public const string Receipt = Notifications.DefaultTemplates.ObjectionReceipt;
    public const string ReplyRequested = Notifications.DefaultTemplates.ObjectionReplyRequested;
}
