using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Notifications.Inbox;

/// <summary>/Notifications/Inbox/{id} — one of one's own messages; opening it marks it read.</summary>
public sealed class MessageModel(UserInbox inbox) : AppPageModel
{
    public InboxItem Item { get; private set; } = null!;

    /// <summary>The link as a safe local address (or an http(s) address), otherwise null.</summary>
    public string? SafeLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var me = User.UserId();
        if (await inbox.OpenAsync(me, id) is not { } item) return NotFound();
        Item = item;
        SafeLink = IsSafe(item.Link) ? item.Link : null;
        return Page();
    }

    private static bool IsSafe(string? link) =>
        !string.IsNullOrWhiteSpace(link)
        && ((link.StartsWith('/') && !link.StartsWith("//") && !link.StartsWith("/\\"))
            || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"));
}
