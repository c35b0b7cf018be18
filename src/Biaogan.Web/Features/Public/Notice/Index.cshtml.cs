using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Biaogan.Web.Features.Public.Notice;

/// <summary>The current 公示 (or a given one) for everyone: no login, cached, phone-friendly.</summary>
[OutputCache(PolicyName = WebModule.PublicPagePolicy)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }

    public PublicNoticeView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var n = await PublicNoticeView.FindAsync(db, Id, ct);
        if (n is null && Id is not null) return NotFound();
        if (n is not null) View = PublicNoticeView.From(n, clock.GetUtcNow());
        return Page();
    }
}
