using Biaogan.Web.Features.Accounts;
using System.Data.Common;
using System.Security.Claims;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Notifications;

/// <summary>The unread count beside “站内信” in the navigation bar; nothing when all is read.</summary>
public sealed class InboxBadgeViewComponent(AppDbContext db, ILogger<InboxBadgeViewComponent> log) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.UserId();
        if (userId.Length == 0) return Nothing;
        int unread;
        try
        {
            unread = await db.Set<InboxItem>().CountAsync(i => i.UserId == userId && i.ReadAt == null);
        }
        catch (DbException ex)
        {
            // The layout also frames the error page: a database outage must not break it a second time.
            log.LogWarning(ex, "读取未读站内信数量失败");
            return Nothing;
        }
        if (unread == 0) return Nothing;
        var shown = unread > 99 ? "99+" : unread.ToString();
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<span class=\"badge badge-err inbox-badge\" title=\"{unread} 条未读\" aria-label=\"{unread} 条未读\">{shown}</span>"));
    }

    private static HtmlContentViewComponentResult Nothing => new(HtmlString.Empty);
}
