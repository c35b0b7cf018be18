using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.Search;

/// <summary>办公室检索: one box across organisations, applications and reviewers, each hit linking to its record.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(OfficeSearch search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public OfficeSearch.Result? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q)) return;
        if (SearchModule.Problem(Q) is { } problem)
        {
            ModelState.AddModelError("q", problem);
            return;
        }
        Result = await search.FindAsync(Q, ct);
    }
}
