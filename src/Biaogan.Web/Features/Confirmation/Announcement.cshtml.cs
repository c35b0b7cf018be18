using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>确认结果公告 (第二十四条): public once the office publishes the round; 404 before.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = WebModule.PublicPagePolicy)]
public sealed class AnnouncementModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Announcement View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var a = await ConfirmationViews.AnnouncementAsync(db, Id, ct);
        if (a is null) return NotFound();
        View = a;
        return Page();
    }
}
