using Biaogan.Web.Features.Approval;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Biaogan.Web.Features.Public.Results;

/// <summary>获奖名单公告 of a year (第二十二、三十一条): organisation, category, service, certificate number — no scores.</summary>
[OutputCache(PolicyName = WebModule.PublicPagePolicy)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }

    public ResultsView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await ResultsView.ForYearAsync(db, Year, ct);
        return View is null ? NotFound() : Page();
    }
}
