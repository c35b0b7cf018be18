using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Notifications.Inbox;

/// <summary>/Notifications/Inbox — every signed-in person's 站内信, newest first.</summary>
public sealed class IndexModel(UserInbox inbox) : AppPageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<InboxItem> Items { get; private set; } = [];
    public int Unread { get; private set; }
    public int Total { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int p = 1)
    {
        var me = Me;
        Total = await inbox.CountAsync(me);
        CurrentPage = Math.Clamp(p, 1, PageCount);
        Unread = await inbox.UnreadCountAsync(me);
        Items = await inbox.ListAsync(me, (CurrentPage - 1) * PageSize, PageSize);
    }

    /// <summary>全部标为已读.</summary>
    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var marked = await inbox.MarkAllReadAsync(Me);
        Flash = marked > 0 ? $"已将 {marked} 条站内信标为已读。" : "没有未读的站内信。";
        return RedirectToPage();
    }

    private string Me => User.RequiredUserId();
}
